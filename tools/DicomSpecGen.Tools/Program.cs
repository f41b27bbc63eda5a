using DicomSpecGen.Tools;
using DicomSpecGen.Tools.Editions;
using DicomSpecGen.Tools.Import;
using DicomSpecGen.Tools.Trace;
using DicomSpecGen.Tools.WireTrace;

// dsgtool: maintenance commands for the spec YAML (see docs/regenerating.md).
var rest = args.Skip(1).ToArray();
try
{
    return args.FirstOrDefault() switch
    {
        "trace" => TraceCommand.Run(new Args(rest), Console.Out),
        "import" => ImportCommand.Run(new Args(rest), Console.Out),
        "spec" => SpecDiffCommand.Run(new Args(rest), Console.Out),
        "decode" => DecodeCommand.Run(new Args(rest), Console.Out),
        "conformance" => DicomSpecGen.Tools.Conformance.ConformanceCommand.Run(rest, Console.Out, Console.Error),
        _ => Usage(),
    };
}
catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or System.Xml.XmlException or YamlDotNet.Core.YamlException)
{
    Console.Error.WriteLine("dsgtool: " + e.Message);
    return 2;
}

static int Usage()
{
    Console.Error.WriteLine("""
        usage:
          dsgtool trace [--spec DIR] [--tests A.dll ...] [--only part08/pdus.yaml ...] [--md FILE] [--json FILE] [--check]
          dsgtool trace diff OLD.json NEW.json
          dsgtool decode FILE.bin
          dsgtool conformance PORT [dsg scp flags: -aet, --mpps, --worklist DIR, --commit-report, -md, --allow, ...] [--format md|html]
          dsgtool spec diff --from part06.xml --to spec/part06/uids.yaml
          dsgtool spec crosscheck --dic dicom.dic --uids dcuid.h [--spec DIR] [--all]
          dsgtool spec changelog --from 2014a --to 2026c [--editions DIR] [--md FILE] [--json FILE]
          dsgtool spec rewind --to 2013 --spec COPY-OF-SPEC [--editions DIR]
          dsgtool import pdus --xml part08.xml part07.xml [--yaml pdus.yaml] [--all]
          dsgtool import pdus --xml part08.xml part07.xml --emit TABLE [Name] [pdu|item|record]
          dsgtool import dul --xml part08.xml [--spec DIR] [--all]
          dsgtool import elements --xml part07.xml [--spec DIR]
          dsgtool import dictionary --xml part06.xml part07.xml [--spec DIR]
        """);
    return 2;
}
