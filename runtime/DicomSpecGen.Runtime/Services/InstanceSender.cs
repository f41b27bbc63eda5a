using System.IO.Pipelines;
using DicomSpecGen.Association;
using DicomSpecGen.Data;
using DicomSpecGen.Data.Part10;
using DicomSpecGen.Dimse;
using DicomSpecGen.Registry;

namespace DicomSpecGen.Services;

/// <summary>Sends a Part 10 file as a C-STORE request (SCU of a store, or the sub-operation of a C-MOVE/C-GET).
/// When a context accepts the file's own transfer syntax the data set bytes go out unchanged, straight from
/// the file; otherwise they are transcoded on the fly to a native transfer syntax the peer accepted.</summary>
public static class InstanceSender
{
    public static async Task<DimseResponse> SendFileAsync(DimseConnection connection, Stream file, string? moveOriginatorAeTitle = null,
        ushort? moveOriginatorMessageId = null, CancellationToken cancellationToken = default)
    {
        var start = file.Position;
        var reader = await DicomFileReader.OpenAsync(file, leaveOpen: true, cancellationToken: cancellationToken).ConfigureAwait(false);
        await using var _ = reader.ConfigureAwait(false);
        var meta = reader.Meta;
        var association = connection.Association;
        var (contextId, raw) = ChooseContext(association, meta.MediaStorageSopClassUid, reader.TransferSyntax);
        var request = new CStoreRq
        {
            AffectedSOPClassUID = meta.MediaStorageSopClassUid,
            MessageID = connection.NextMessageId(),
            Priority = Priority.Medium,
            AffectedSOPInstanceUID = meta.MediaStorageSopInstanceUid,
            MoveOriginatorApplicationEntityTitle = moveOriginatorAeTitle,
            MoveOriginatorMessageID = moveOriginatorMessageId,
            HasDataSet = true,
        };
        if (raw && file.CanSeek)
        {
            file.Position = start + reader.DataSetOffset;
            return await FinalAsync(connection.RequestAsync(contextId, request, file, cancellationToken)).ConfigureAwait(false);
        }
        // Transcode through a pipe: the writer side re-encodes while the fragmenter reads.
        var target = association.GetTransferSyntax(contextId);
        var pipe = new Pipe();
        var produce = Task.Run(async () =>
        {
            try
            {
                var writer = new DicomStreamWriter(pipe.Writer.AsStream(leaveOpen: true), target, leaveOpen: true);
                await DicomTranscoder.CopyAsync(reader.Dataset, writer, cancellationToken).ConfigureAwait(false);
                await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
                await pipe.Writer.CompleteAsync().ConfigureAwait(false);
            }
            catch (Exception e)
            {
                await pipe.Writer.CompleteAsync(e).ConfigureAwait(false);
            }
        }, cancellationToken);
        try
        {
            return await FinalAsync(connection.RequestAsync(contextId, request, pipe.Reader.AsStream(), cancellationToken)).ConfigureAwait(false);
        }
        finally
        {
            await pipe.Reader.CompleteAsync().ConfigureAwait(false);
            await produce.ConfigureAwait(false);
        }
    }

    /// <summary>A context accepting the file's transfer syntax (raw copy), or else one with a native transfer
    /// syntax when the file's is native too (transcoding between encapsulated syntaxes is not possible here).
    /// Only contexts on which we may act as storage SCU count: as acceptor (C-GET sub-operations) that needs the
    /// requestor to have taken the SCP role (PS3.7 D.3.3.4; PS3.4 C.4.3.1).</summary>
    internal static (byte ContextId, bool Raw) ChooseContext(DicomAssociation association, string sopClass, TransferSyntax fileSyntax)
    {
        var usable = association.Contexts.Where(c => c.IsAccepted && c.AbstractSyntax == sopClass
            && (association.IsRequestor ? c.RequestorIsScu : c.RequestorIsScp)).ToList();
        if (usable.FirstOrDefault(c => c.TransferSyntax == fileSyntax.Uid) is { } same) return (same.Id, true);
        if (!fileSyntax.IsEncapsulated && usable.FirstOrDefault(c => TransferSyntax.TryGet(c.TransferSyntax!, out var ts) && !ts.IsEncapsulated && ts.IsDataSetEncoding) is { } native)
            return (native.Id, false);
        if (!association.IsRequestor && association.Contexts.Any(c => c.IsAccepted && c.AbstractSyntax == sopClass))
            throw new PresentationContextNotAcceptedException($"the requestor did not take the SCP role for {DicomUids.Describe(sopClass)} (SCP/SCU Role Selection, PS3.7 D.3.3.4), so it cannot receive C-STORE sub-operations");
        // Let the association name the contexts and the peer's results.
        association.GetAcceptedContextId(sopClass, fileSyntax.Uid);
        throw new PresentationContextNotAcceptedException($"no accepted presentation context for {DicomUids.Describe(sopClass)} can carry {fileSyntax.Name}");
    }

    internal static async Task<DimseResponse> FinalAsync(IAsyncEnumerable<DimseResponse> responses)
    {
        DimseResponse? last = null;
        await foreach (var response in responses.ConfigureAwait(false)) last = response;
        return last!;
    }
}
