using System.Buffers;
using DicomSpecGen.Data;
using DicomSpecGen.Data.Part10;
using DicomSpecGen.Registry;

namespace DicomSpecGen.Fuzz;

/// <summary>A received or stored data set, read the ways the SCP and the archive read it. The first input byte
/// picks the encoding (<see cref="Modes"/>), the rest is the data set, or a whole Part 10 file in the last mode.
/// Rules: only <see cref="DicomDataException"/> may escape; the streaming token walk (small values inline, large
/// ones streamed or skipped, input in small segments) and <see cref="DicomDataset.Decode(ReadOnlySequence{byte}, TransferSyntax)"/>
/// agree on whether the input is well formed; what decodes re-encodes in its transfer syntax to bytes that decode
/// and encode to the same bytes again.</summary>
public static class DataSetFuzzTarget
{
    /// <summary>The transfer syntaxes of the first byte's values 0..3; 4 is a Part 10 file (preamble, "DICM",
    /// File Meta Information, then the data set in the transfer syntax the meta names).</summary>
    public static IReadOnlyList<TransferSyntax> Modes { get; } =
    [
        TransferSyntax.ImplicitVRLittleEndian,
        TransferSyntax.ExplicitVRLittleEndian,
        TransferSyntax.ExplicitVRBigEndian,
        TransferSyntax.DeflatedExplicitVRLittleEndian,
    ];

    public const byte Part10Mode = 4;

    /// <summary>The input for <paramref name="data"/> in mode <paramref name="mode"/> (for seeds).</summary>
    public static byte[] Input(byte mode, ReadOnlySpan<byte> data) => [mode, .. data];

    public static FuzzOutcome Run(byte[] input) => FuzzOutcome.Guard(input, RunCore);

    private static FuzzOutcome RunCore(byte[] input)
    {
        if (input.Length == 0) return FuzzOutcome.Parsed(0);
        var mode = (byte)(input[0] % (Modes.Count + 1));
        var data = input.AsMemory(1);
        if (mode == Part10Mode) return Part10(data);

        var ts = Modes[mode];
        var walked = Walk(() => ts.IsDeflated
            ? new DicomStreamReader(new MemoryStream(data.ToArray()), ts, SmallValues)
            : new DicomStreamReader(Segments.Split(data.ToArray(), 5), ts, SmallValues));
        DicomDataset dataset;
        try
        {
            dataset = DicomDataset.Decode(new ReadOnlySequence<byte>(data), ts);
        }
        catch (DicomDataException e)
        {
            if (walked == null) return FuzzOutcome.Crash("the token walk read the data set, DicomDataset.Decode refused it: " + e.Message);
            return FuzzOutcome.Refused(e);
        }
        if (walked != null) return FuzzOutcome.Crash("DicomDataset.Decode read the data set, the token walk refused it: " + walked.Message);

        var encoded = dataset.Encode(ts);
        DicomDataset again;
        try
        {
            again = DicomDataset.Decode(new ReadOnlySequence<byte>(encoded), ts);
        }
        catch (DicomDataException e)
        {
            return FuzzOutcome.Crash("the re-encoded data set does not decode: " + e.Message);
        }
        // Deflate output may differ run to run in principle; the inflated encoding is what must be stable.
        var plain = ts.IsDeflated ? TransferSyntax.ExplicitVRLittleEndian : ts;
        if (!again.Encode(plain).AsSpan().SequenceEqual(dataset.Encode(plain))) return FuzzOutcome.Crash("re-encoding is not stable");
        return FuzzOutcome.Parsed(0);
    }

    private static readonly DicomReaderOptions SmallValues = new(MaxInlineValueLength: 16, MaxDepth: 16);

    /// <summary>Walks every token; values too long to be inline are read in chunks at even depths and skipped at
    /// odd ones. Returns the typed error, or null when the walk reached the end.</summary>
    private static DicomDataException? Walk(Func<DicomStreamReader> open)
    {
        var reader = open();
        try
        {
            Drain(reader);
            return null;
        }
        catch (DicomDataException e)
        {
            return e;
        }
        finally
        {
            reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static void Drain(DicomStreamReader reader)
    {
        var chunk = new byte[16]; // ReadValueAsync takes at least 8 bytes (one swap unit of any VR)
        while (Sync(reader.ReadAsync()))
        {
            if (reader.Token is not (DicomReaderToken.Element or DicomReaderToken.Fragment)) continue;
            if (reader.IsValueLoaded)
            {
                if (reader.Value.Length != reader.Length) throw new InvalidOperationException($"inline value of {reader.Value.Length} bytes for length {reader.Length}");
                continue;
            }
            if (reader.Depth % 2 == 1) continue;
            long total = 0;
            int n;
            while ((n = Sync(reader.ReadValueAsync(chunk))) > 0) total += n;
            if (total != reader.Length) throw new InvalidOperationException($"streamed {total} bytes of a {reader.Length}-byte value");
        }
    }

    private static FuzzOutcome Part10(ReadOnlyMemory<byte> file)
    {
        try
        {
            var reader = DicomFileReader.OpenAsync(new MemoryStream(file.ToArray()), SmallValues).GetAwaiter().GetResult();
            try
            {
                Drain(reader.Dataset);
            }
            finally
            {
                reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
            return FuzzOutcome.Parsed(0);
        }
        catch (DicomDataException e)
        {
            return FuzzOutcome.Refused(e);
        }
    }

    // Readers over memory complete synchronously; a stream reader may not, so wait when needed.
    private static T Sync<T>(ValueTask<T> task) => task.IsCompletedSuccessfully ? task.Result : task.AsTask().GetAwaiter().GetResult();
}
