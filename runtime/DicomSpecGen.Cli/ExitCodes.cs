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

    /// <summary>SIGINT or SIGTERM stopped a verb before it finished (a dsg scp that stops cleanly exits <see cref="Ok"/>).</summary>
    public const int Interrupted = 5;

    /// <summary>After SIGINT/SIGTERM, how long a verb has to stop cleanly; past it the process ends with 130 (SIGINT)
    /// or 143 (SIGTERM). Above dsg scp's longest --stop-timeout (60 s) plus the listener's 10 s wait for aborted
    /// associations to end; systemd's default stop timeout is as long.</summary>
    public static readonly TimeSpan ShutdownBound = TimeSpan.FromSeconds(90);
}
