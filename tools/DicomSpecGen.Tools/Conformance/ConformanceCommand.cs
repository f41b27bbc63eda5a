using System.CommandLine;
using DicomSpecGen.Cli;
using DicomSpecGen.Cli.Commands;

namespace DicomSpecGen.Tools.Conformance;

/// <summary>dsgtool conformance: the conformance statement of a dsg scp configuration. It takes dsg scp's arguments and
/// runs dsg scp's own --conformance branch, so both tools print the same statement from one implementation
/// (<see cref="ScpConformance"/>, rendered by the runtime's ConformanceStatement).</summary>
public static class ConformanceCommand
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("dsgtool conformance") { ScpCommand.Create(new CommonOptions()) };
        var parsed = root.Parse(["scp", .. args, "--conformance"]);
        return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }
}
