namespace DicomSpecGen.Interop.Tests.Cli;

/// <summary>dsg explain --local answers from the services dsg scp registers: each accepted context names its service,
/// and the services are listed with their operations.</summary>
public class ExplainServicesTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Explain_local_names_the_service_of_each_accepted_context()
    {
        var explain = await Dsg.RunAsync(Limit, "explain", "--local", "--sop", "Verification", "CTImageStorage", "StudyRootQueryRetrieveInformationModelMove", "1.2.826.0.1.3680043.9.7433.1.1");
        Assert.Equal(0, explain.ExitCode);
        Assert.Contains("served by VerificationService (C-ECHO)", explain.Output);
        Assert.Contains("served by StorageService (C-STORE)", explain.Output);
        Assert.Contains("served by QueryRetrieveService (C-FIND, C-MOVE, C-GET)", explain.Output);
        Assert.Contains("context #7 1.2.826.0.1.3680043.9.7433.1.1: abstract-syntax-not-supported", explain.Output);
        Assert.Contains("  QueryRetrieveService (C-FIND, C-MOVE, C-GET): 6 SOP class(es)", explain.Output);
    }
}
