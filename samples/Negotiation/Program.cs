// Presentation context negotiation, step by step (PS3.8 9.3.2.2, 9.3.3.2): propose Verification as context 1 with a
// list of transfer syntaxes, see which one the SCP picked, then ask for JPEG 2000 Lossless and read why it was refused.
// Usage: dotnet run -- HOST PORT [CALLED-AE]
using DicomSpecGen.Association;
using DicomSpecGen.Registry;
using DicomSpecGen.Services.Scu;

if (args.Length < 2)
{
    Console.Error.WriteLine("usage: Negotiation HOST PORT [CALLED-AE]");
    return 4;
}
var options = new RequestorOptions
{
    Host = args[0],
    Port = int.Parse(args[1]),
    CallingAeTitle = "NEGOTIATION",
    CalledAeTitle = args.Length > 2 ? args[2] : "ANY-SCP",
    PresentationContexts =
    [
        // Context IDs are odd (1, 3, 5, …); transfer syntaxes in order of preference. The SCP picks one per context.
        new(1, DicomUids.Verification, [DicomUids.ExplicitVRLittleEndian, DicomUids.ImplicitVRLittleEndian, DicomUids.ExplicitVRBigEndian]),
        // The same SOP class again, offering JPEG 2000 Lossless only: an SCP that does not take it refuses this context.
        new(3, DicomUids.Verification, [DicomUids.JPEG2000Lossless]),
    ],
};

await using var client = await DicomClient.ConnectAsync(options);
Console.WriteLine($"associated with {client.Association.CalledAeTitle}; the SCP answered:");
foreach (var context in client.Association.Contexts) Console.WriteLine("  " + context);

// The accepted context for Verification and the transfer syntax both sides now use on it.
var id = client.Association.GetAcceptedContextId(DicomUids.Verification);
Console.WriteLine($"Verification goes on context #{id} in {client.Association.GetTransferSyntax(id).Name}");
Console.WriteLine($"C-ECHO status 0x{await client.EchoAsync():X4}");

// Asking for JPEG 2000 Lossless: the exception names each context and the SCP's reason (PS3.8 Table 9-18).
try
{
    client.Association.GetAcceptedContextId(DicomUids.Verification, DicomUids.JPEG2000Lossless);
    Console.WriteLine("JPEG 2000 Lossless was accepted");
}
catch (PresentationContextNotAcceptedException e)
{
    Console.WriteLine("refused: " + e.Message);
}
await client.ReleaseAsync();
return 0;
