using System.CommandLine;
using DicomSpecGen.Cli;
using DicomSpecGen.Cli.Commands;

var common = new CommonOptions();
var root = new RootCommand("dsg — DICOM networking generated from the standard's tables (DicomSpecGen)")
{
    EchoCommand.Create(common),
    StoreCommand.Create(common),
    QueryCommands.Find(common),
    WorklistCommand.Create(common),
    QueryCommands.Move(common),
    QueryCommands.Get(common),
    ScpCommand.Create(common),
    ExplainCommand.Create(common),
    DemoCommand.Create(common),
    MppsCommand.Create(common),
    CommitCommand.Create(common),
};
return await root.Parse(args).InvokeAsync();
