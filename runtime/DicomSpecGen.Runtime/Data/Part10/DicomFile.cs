using DicomSpecGen.Registry;

namespace DicomSpecGen.Data.Part10;

/// <summary>Whole-file helpers over <see cref="DicomFileReader"/> and <see cref="DicomFileWriter"/>.</summary>
public static class DicomFile
{
    /// <summary>Reads a small file into memory.</summary>
    public static async Task<(DicomFileMeta Meta, DicomDataset Dataset)> ReadAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        await using var reader = await DicomFileReader.OpenAsync(stream, new DicomReaderOptions(MaxInlineValueLength: int.MaxValue), leaveOpen: true, cancellationToken: cancellationToken).ConfigureAwait(false);
        var dataset = await DicomDataset.ReadAsync(reader.Dataset, cancellationToken).ConfigureAwait(false);
        return (reader.Meta, dataset);
    }

    public static async Task WriteAsync(Stream stream, DicomFileMeta meta, DicomDataset dataset, CancellationToken cancellationToken = default)
    {
        await using var writer = await DicomFileWriter.CreateAsync(stream, meta, leaveOpen: true, cancellationToken: cancellationToken).ConfigureAwait(false);
        await dataset.WriteAsync(writer, cancellationToken).ConfigureAwait(false);
        await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Streams a file into another transfer syntax without holding values in memory.</summary>
    public static async Task TranscodeAsync(Stream input, Stream output, TransferSyntax target, CancellationToken cancellationToken = default)
    {
        await using var reader = await DicomFileReader.OpenAsync(input, leaveOpen: true, cancellationToken: cancellationToken).ConfigureAwait(false);
        var meta = reader.Meta with { TransferSyntaxUid = target.Uid };
        await using var writer = await DicomFileWriter.CreateAsync(output, meta, leaveOpen: true, cancellationToken: cancellationToken).ConfigureAwait(false);
        await DicomTranscoder.CopyAsync(reader.Dataset, writer, cancellationToken).ConfigureAwait(false);
        await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }
}
