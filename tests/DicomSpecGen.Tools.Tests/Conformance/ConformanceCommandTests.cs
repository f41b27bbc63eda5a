using DicomSpecGen.Tools.Conformance;

namespace DicomSpecGen.Tools.Tests.Conformance;

/// <summary>dsgtool conformance: dsg scp's flags, dsg scp's statement; the committed example is what it prints today.</summary>
public class ConformanceCommandTests
{
    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = ConformanceCommand.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void The_committed_example_statement_is_what_the_default_configuration_prints()
    {
        var (exit, output, error) = Run("11112");
        Assert.True(exit == 0, error);
        var committed = File.ReadAllText(Path.Combine(TestPaths.Root, "docs", "conformance-statement.md"));
        // Regenerate with: dotnet run --project tools/DicomSpecGen.Tools -- conformance 11112 > docs/conformance-statement.md
        Assert.Equal(committed, output);
    }

    [Fact]
    public void Flags_of_dsg_scp_change_the_statement_and_html_is_offered()
    {
        var (exit, output, error) = Run("104", "-aet", "ARCHIVE", "--mpps", "--commit-report", "new", "-md", "CT01=127.0.0.1:11114", "--require-called-aet",
            "--allow", "CT01", "--max-associations", "4", "--format", "html");
        Assert.True(exit == 0, error);
        Assert.StartsWith("<!DOCTYPE html>", output);
        Assert.Contains("AE ARCHIVE", output);
        Assert.Contains("<td>Modality Performed Procedure Step SOP Class</td>", output);
        Assert.Contains("<td>Storage Commitment Push Model SOP Class</td>", output);
        Assert.Contains("<td>CT01</td><td>127.0.0.1</td><td>11114</td>", output);
        Assert.Contains("must be &#39;ARCHIVE&#39;", output);
        Assert.Contains("<td>Port</td><td>104</td>", output);
        Assert.Contains("4; more are rejected", output);
        Assert.DoesNotContain("Modality Worklist", output);

        var bad = Run("104", "--format", "pdf");
        Assert.NotEqual(0, bad.Exit);
    }

    [Fact]
    public void The_asynchronous_operations_window_row_states_what_dsg_scp_async_ops_answers()
    {
        var synchronous = Run("11112");
        Assert.Contains("| Asynchronous operations window | a requestor's proposal is answered 1 invoked / 1 performed", synchronous.Output);
        var (exit, output, error) = Run("11112", "--async-ops", "8");
        Assert.True(exit == 0, error);
        Assert.Contains("| Asynchronous operations window | a requestor's proposal is answered with at most 8 invoked / 1 performed", output);
        Assert.Contains("unlimited invoked", Run("11112", "--async-ops", "0").Output);
    }
}
