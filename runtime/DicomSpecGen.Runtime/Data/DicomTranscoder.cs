namespace DicomSpecGen.Data;

/// <summary>Copies a Data Set token by token from a reader in one transfer syntax to a writer in another
/// (values stream through; byte order is swapped by VR; sequences are re-written with undefined length).
/// Encapsulated Pixel Data passes through untouched, so both must be encapsulated or neither.</summary>
public static class DicomTranscoder
{
    public static async ValueTask CopyAsync(DicomStreamReader reader, DicomStreamWriter writer, CancellationToken cancellationToken = default)
    {
        var encapsulatedSource = reader.TransferSyntax.IsEncapsulated;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            switch (reader.Token)
            {
                case DicomReaderToken.Element:
                case DicomReaderToken.Fragment:
                    await writer.WriteElementAsync(reader, cancellationToken).ConfigureAwait(false);
                    break;
                case DicomReaderToken.SequenceStart:
                    await writer.BeginSequenceAsync(reader.Tag, cancellationToken).ConfigureAwait(false);
                    break;
                case DicomReaderToken.ItemStart:
                    await writer.BeginItemAsync(cancellationToken).ConfigureAwait(false);
                    break;
                case DicomReaderToken.ItemEnd:
                    await writer.EndItemAsync(cancellationToken).ConfigureAwait(false);
                    break;
                case DicomReaderToken.SequenceEnd:
                    await writer.EndSequenceAsync(cancellationToken).ConfigureAwait(false);
                    break;
                case DicomReaderToken.FragmentsStart:
                    if (!writer.TransferSyntax.IsEncapsulated && encapsulatedSource)
                        throw new DicomDataException($"encapsulated Pixel Data cannot be written in {writer.TransferSyntax.Name} without a codec", reader.Tag, reader.Position, "PS3.5 Section A.4");
                    await writer.BeginFragmentsAsync(reader.Tag, reader.Vr, cancellationToken).ConfigureAwait(false);
                    break;
                case DicomReaderToken.FragmentsEnd:
                    await writer.EndFragmentsAsync(cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
    }
}
