using DicomSpecGen.Association;
using DicomSpecGen.Services;

namespace DicomSpecGen.Cli;

/// <summary>Maps what went wrong on an association to a message and an exit code.</summary>
public static class Failures
{
    public static int Report(Exception e)
    {
        switch (e)
        {
            case AssociationRejectedException rejected:
                Console.Error.WriteLine("E: " + rejected.Message);
                return ExitCodes.Rejected;
            case AssociationAbortedException or TimeoutException or System.Net.Sockets.SocketException or IOException:
                Console.Error.WriteLine("E: " + WithCauses(e));
                return ExitCodes.NetworkError;
            case PresentationContextNotAcceptedException:
                Console.Error.WriteLine("E: " + e.Message);
                return ExitCodes.OperationFailed;
            default:
                Console.Error.WriteLine("E: " + e.Message);
                return ExitCodes.BadInput;
        }
    }

    /// <summary>The message followed by its inner exceptions' (e.g. why a TLS handshake failed), without repeats.</summary>
    private static string WithCauses(Exception e)
    {
        var text = e.Message;
        for (var inner = e.InnerException; inner != null; inner = inner.InnerException)
            if (!text.Contains(inner.Message, StringComparison.Ordinal)) text += ": " + inner.Message;
        return text;
    }

    /// <summary>The final response of an operation whose responses have all been read. There is no status for
    /// "none came": the association ended before it, reported like any other ended association.</summary>
    public static DimseResponse FinalResponse(DimseResponse? final, string operation)
        => final ?? throw new AssociationAbortedException($"the association ended before the final {operation} response");

    /// <summary>Failures reported as an exit code rather than a crash.</summary>
    public static bool Known(Exception e) => e is AssociationRejectedException or AssociationAbortedException or TimeoutException
        or System.Net.Sockets.SocketException or IOException or PresentationContextNotAcceptedException or Data.DicomDataException
        or UnauthorizedAccessException or ArgumentException or CliInputException;
}
