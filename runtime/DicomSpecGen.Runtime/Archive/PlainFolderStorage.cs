using System.IO.Pipelines;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using DicomSpecGen.Data;
using DicomSpecGen.Data.Part10;
using DicomSpecGen.Dimse;
using DicomSpecGen.Registry;
using DicomSpecGen.Services;
using DicomSpecGen.Services.Scp;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DicomSpecGen.Archive;

/// <summary>Received instances as plain Part 10 files directly in one folder, named like DCMTK's getscu/movescu
/// <c>-od</c> ("CT.&lt;SOP Instance UID&gt;", here with ".dcm"), with no index. Each file is written under a hidden
/// temporary name, flushed to disk, then renamed into place without replacing anything: a second copy of an
/// instance that is byte-identical is dropped, a different one is kept beside the first under a numbered name.</summary>
/// <remarks>PS3.10 7.1 (the file format); the File Meta Information is written by <see cref="DicomFileWriter"/>, as the archive writes it.</remarks>
public sealed partial class PlainFolderStorage : IStorageService
{
    private readonly bool _flushToDisk;
    private readonly ILogger _logger;

    /// <param name="folder">Where the files go (created if missing).</param>
    /// <param name="flushToDisk">fsync each file before it gets its name (default).</param>
    /// <param name="logger">Where duplicates and renamed copies are reported.</param>
    public PlainFolderStorage(string folder, bool flushToDisk = true, ILogger? logger = null)
    {
        Root = Path.GetFullPath(folder);
        Directory.CreateDirectory(Root);
        _flushToDisk = flushToDisk;
        _logger = logger ?? NullLogger.Instance;
    }

    public string Root { get; }

    /// <summary>Called with the full path of each file written (or the existing identical one).</summary>
    public Action<string>? Stored { get; init; }

    [GeneratedRegex("^[0-9]+(\\.[0-9]+)*$")]
    private static partial Regex UidSyntax();

    [GeneratedRegex("^[A-Z0-9_]{1,16}$")]
    private static partial Regex CodeStringSyntax();

    public async Task<ushort> StoreAsync(StoreContext context, PipeReader dataSet, TransferSyntax transferSyntax, CancellationToken cancellationToken)
    {
        var meta = new DicomFileMeta(context.SopClassUid, context.SopInstanceUid, transferSyntax.Uid, SourceApplicationEntityTitle: context.CallingAeTitle);
        // Hidden and in the same folder, so the rename below is atomic and a half-written file is never a ".dcm".
        var temp = Path.Combine(Root, $".{Environment.ProcessId}-{Guid.NewGuid():N}.part");
        try
        {
            using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024))
            {
                DicomFileWriter.WriteHeader(file, meta);
                while (true)
                {
                    var result = await dataSet.ReadAsync(cancellationToken).ConfigureAwait(false);
                    if (result.IsCanceled) throw new OperationCanceledException("the data set read was cancelled");
                    foreach (var segment in result.Buffer) file.Write(segment.Span);
                    dataSet.AdvanceTo(result.Buffer.End);
                    if (result.IsCompleted) break;
                }
                file.Flush(flushToDisk: _flushToDisk);
            }
            var (modality, sopInstanceUid) = await ReadNamingAttributesAsync(temp, cancellationToken).ConfigureAwait(false);
            if (sopInstanceUid != null && sopInstanceUid != context.SopInstanceUid)
            {
                _logger.LogWarning("C-STORE of {Affected} carries SOP Instance UID {InData}", context.SopInstanceUid, sopInstanceUid);
                File.Delete(temp);
                return DimseStatus.Storage.CannotUnderstand;
            }
            var path = Commit(temp, FileName(modality, context.SopInstanceUid));
            Stored?.Invoke(path);
            return DimseStatus.Success;
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    /// <summary>"&lt;prefix&gt;.&lt;uid&gt;.dcm". The prefix is the instance's Modality (0008,0060) when it is a plain code
    /// string, else "UNKNOWN" (getscu's word when it cannot name one); the UID only when well formed (PS3.5 9.1),
    /// else its SHA-256, so no received value can name a path outside the folder.</summary>
    public static string FileName(string? modality, string sopInstanceUid)
    {
        var prefix = modality != null && CodeStringSyntax().IsMatch(modality) ? modality : "UNKNOWN";
        var name = sopInstanceUid.Length is > 0 and <= 64 && UidSyntax().IsMatch(sopInstanceUid)
            ? sopInstanceUid
            : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sopInstanceUid))).ToLowerInvariant();
        return $"{prefix}.{name}.dcm";
    }

    /// <summary>Moves the finished file to its name without replacing an existing file: an identical copy already
    /// there makes this one redundant; a different one keeps both, the new one as "CT.&lt;uid&gt;-2.dcm", "-3", … (a dash never
    /// occurs in a UID, so the name cannot be another instance's).</summary>
    private string Commit(string temp, string name)
    {
        var target = Path.Combine(Root, name);
        for (var n = 2; ; n++)
        {
            try
            {
                // No overwrite: fails when the name is taken, even by a file created a moment ago by another association.
                File.Move(temp, target, overwrite: false);
                return target;
            }
            catch (IOException) when (File.Exists(target))
            {
                if (SameContent(temp, target))
                {
                    File.Delete(temp);
                    _logger.LogInformation("{File} is already there with the same content", target);
                    return target;
                }
                var next = Path.Combine(Root, $"{name[..^4]}-{n}.dcm");
                _logger.LogWarning("{File} exists with different content; keeping both, the new one as {Next}", target, next);
                target = next;
            }
        }
    }

    private static bool SameContent(string a, string b)
    {
        using var x = new FileStream(a, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024);
        using var y = new FileStream(b, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024);
        if (x.Length != y.Length) return false;
        var bx = new byte[64 * 1024];
        var by = new byte[64 * 1024];
        while (true)
        {
            var read = x.ReadAtLeast(bx, bx.Length, throwOnEndOfStream: false);
            y.ReadExactly(by, 0, read);
            if (!bx.AsSpan(0, read).SequenceEqual(by.AsSpan(0, read))) return false;
            if (read < bx.Length) return true;
        }
    }

    /// <summary>Modality and SOP Instance UID from the top level of the written file, reading no further than
    /// (0008,0060). A data set we cannot parse is still kept (as "UNKNOWN"): nothing received is thrown away.</summary>
    private static async Task<(string? Modality, string? SopInstanceUid)> ReadNamingAttributesAsync(string path, CancellationToken cancellationToken)
    {
        string? modality = null, sop = null;
        try
        {
            await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 16 * 1024, FileOptions.Asynchronous);
            await using var reader = await DicomFileReader.OpenAsync(file, leaveOpen: true, cancellationToken: cancellationToken).ConfigureAwait(false);
            var data = reader.Dataset;
            while (await data.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (data.Depth != 0 || data.Token != DicomReaderToken.Element) continue;
                if (data.Tag.Value > DicomTags.Modality) break;
                if (data.Tag.Value != DicomTags.Modality && data.Tag.Value != DicomTags.SOPInstanceUID) continue;
                var bytes = data.IsValueLoaded ? data.Value.ToArray() : await data.ReadValueToArrayAsync(cancellationToken).ConfigureAwait(false);
                var text = Encoding.Latin1.GetString(bytes).Trim(' ', '\0');
                if (data.Tag.Value == DicomTags.Modality) modality = text;
                else sop = text;
            }
        }
        catch (DicomDataException)
        {
        }
        return (modality, sop);
    }
}
