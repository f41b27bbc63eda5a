namespace DicomSpecGen.Cli;

/// <summary>Process exit codes of dsg.</summary>
public static class ExitCodes
{
    /// <summary>Everything succeeded.</summary>
    public const int Ok = 0;

    /// <summary>The association worked but at least one operation ended with a non-success status.</summary>
    public const int OperationFailed = 1;

    /// <summary>The peer rejected the association (A-ASSOCIATE-RJ).</summary>
    public const int Rejected = 2;

    /// <summary>No connection, an abort, or a timeout.</summary>
    public const int NetworkError = 3;

    /// <summary>Bad input: unreadable files, bad keys or arguments.</summary>
    public const int BadInput = 4;
}
