using DicomSpecGen.Protocol.Diagnostics;
using DicomSpecGen.Tools.Trace;

namespace DicomSpecGen.Tools.WireTrace;

/// <summary><c>dsgtool decode FILE.bin [--spec DIR]</c>: prints every PDU of a byte dump as an annotated tree.
/// Exit code 1 when any part of the dump does not decode.</summary>
public static class DecodeCommand
{
    public static int Run(Args args, TextWriter output)
    {
        if (args.Positional.Count != 1) { output.WriteLine("usage: dsgtool decode FILE.bin"); return 2; }
        var pdus = Path.Combine(args.Value("spec") ?? Path.Combine(RepoPaths.Root(), "spec"), "part08", "pdus.yaml");
        var qualified = File.Exists(pdus) ? QualifiedValues.Load(pdus) : null;
        var renderer = new PduTreeRenderer(StructureCitations(), qualified == null ? null : qualified.Describe);
        var decoded = PduStreamDecoder.Decode(File.ReadAllBytes(args.Positional[0]));
        foreach (var d in decoded)
        {
            output.WriteLine($"@{d.Offset} ({d.Length} bytes)");
            output.Write(d.Pdu != null ? renderer.Render(d.Pdu) : "  ERROR " + d.Error + "\n");
        }
        output.WriteLine($"{decoded.Count(d => d.Pdu != null)} PDU(s) decoded, {decoded.Count(d => d.Pdu == null)} error(s)");
        return decoded.All(d => d.Pdu != null) ? 0 : 1;
    }

    /// <summary>Type → its citation from the runtime's XML docs (the remarks of its T: member).</summary>
    public static Func<Type, string?> StructureCitations()
    {
        var byId = SymbolIndex.FromRuntime().Symbols.Where(s => s.Id.StartsWith("T:", StringComparison.Ordinal))
            .ToDictionary(s => s.Id[2..], s => s.Remark);
        return t => t.FullName != null && byId.TryGetValue(t.FullName, out var c) ? c : null;
    }
}
