using DicomSpecGen.Protocol;
using DicomSpecGen.Protocol.Wire;
using DicomSpecGen.Transport;

namespace DicomSpecGen.Cli;

/// <summary>--trace: prints each PDU with its fields and the spec row each comes from (DescribeFields).</summary>
public static class PduTracePrinter
{
    private static readonly object Gate = new();

    public static void Print(TextWriter output, PduDirection direction, Pdu pdu)
    {
        lock (Gate)
        {
            output.WriteLine($"{(direction == PduDirection.Sent ? ">>" : "<<")} {pdu.Title} ({pdu.GetEncodedLength()} bytes)");
            Fields(output, pdu.DescribeFields(), "   ");
        }
    }

    private static void Fields(TextWriter output, IEnumerable<PduFieldValue> fields, string indent)
    {
        foreach (var field in fields)
        {
            switch (field.Value)
            {
                case IPduStructure nested:
                    output.WriteLine($"{indent}{field.Name}: {nested.Title}  [{field.Citation}]");
                    Fields(output, nested.DescribeFields(), indent + "   ");
                    break;
                case IEnumerable<PduFieldValue> children:
                    output.WriteLine($"{indent}{field.Name}:  [{field.Citation}]");
                    Fields(output, children, indent + "   ");
                    break;
                default:
                    output.WriteLine($"{indent}{field.Name} = {field.Value}  [{field.Citation}]");
                    break;
            }
        }
    }
}
