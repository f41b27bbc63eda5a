using System.Buffers;
using BenchmarkDotNet.Attributes;
using DicomSpecGen.Data;
using DicomSpecGen.Data.Part10;
using DicomSpecGen.Registry;

namespace DicomSpecGen.Benchmarks.Data;

/// <summary>The dataset codec on its hot paths: a C-FIND-sized identifier encoded and decoded (per query and per
/// match), a 64 MB Pixel Data file transcoded by streaming (per C-STORE), and dictionary lookups (implicit VR).</summary>
[MemoryDiagnoser]
public class DatasetCodecBenchmarks
{
    private DicomDataset _identifier = null!;
    private byte[] _explicitLe = [];
    private byte[] _implicitLe = [];
    private byte[] _file = [];
    private uint[] _tags = [];
    private readonly ArrayBufferWriter<byte> _writer = new(1 << 16);

    [GlobalSetup]
    public void Setup()
    {
        _identifier = new DicomDataset()
            .SetString(DicomTags.QueryRetrieveLevel, "STUDY")
            .SetString(DicomTags.PatientName, "Doe^John")
            .SetString(DicomTags.PatientID, "PID0001")
            .SetString(DicomTags.PatientBirthDate, "19700101")
            .SetString(DicomTags.StudyInstanceUID, "1.2.826.0.1.3680043.2.1143.12345678901234567890")
            .SetString(DicomTags.StudyDate, "20240101-20241231")
            .SetString(DicomTags.StudyTime, "")
            .SetString(DicomTags.AccessionNumber, "ACC42")
            .SetString(DicomTags.ModalitiesInStudy, "CT", "MR")
            .SetString(DicomTags.StudyDescription, "CHEST")
            .SetString(DicomTags.NumberOfStudyRelatedInstances, "");
        _identifier.AddSequence(DicomTags.ReferencedStudySequence, new DicomDataset().SetString(DicomTags.ReferencedSOPClassUID, DicomUids.CTImageStorage));
        _explicitLe = _identifier.Encode(TransferSyntax.ExplicitVRLittleEndian);
        _implicitLe = _identifier.Encode(TransferSyntax.ImplicitVRLittleEndian);

        using var file = new MemoryStream();
        var writer = DicomFileWriter.CreateAsync(file, new DicomFileMeta(DicomUids.CTImageStorage, "1.2.3", TransferSyntax.ExplicitVRLittleEndian.Uid), leaveOpen: true).GetAwaiter().GetResult();
        writer.WriteElementAsync(DicomTags.PixelData, DicomVr.OW, new byte[64 * 1024 * 1024]).AsTask().GetAwaiter().GetResult();
        writer.CompleteAsync().AsTask().GetAwaiter().GetResult();
        _file = file.ToArray();
        _tags = DicomDictionary.All.Where((_, i) => i % 7 == 0).Select(e => e.Tag).ToArray();
    }

    [Benchmark]
    public int EncodeIdentifierExplicitLe()
    {
        _writer.ResetWrittenCount();
        _identifier.Encode(_writer, TransferSyntax.ExplicitVRLittleEndian);
        return _writer.WrittenCount;
    }

    [Benchmark]
    public int DecodeIdentifierExplicitLe() => DicomDataset.Decode(_explicitLe, TransferSyntax.ExplicitVRLittleEndian).Count;

    [Benchmark]
    public int DecodeIdentifierImplicitLe() => DicomDataset.Decode(_implicitLe, TransferSyntax.ImplicitVRLittleEndian).Count;

    [Benchmark]
    public async Task Transcode64MBToBigEndian()
    {
        using var input = new MemoryStream(_file, writable: false);
        await DicomFile.TranscodeAsync(input, Stream.Null, TransferSyntax.ExplicitVRBigEndian);
    }

    [Benchmark(OperationsPerInvoke = 1)]
    public int DictionaryLookups()
    {
        var found = 0;
        foreach (var tag in _tags) if (DicomDictionary.TryLookup(tag, out _)) found++;
        return found;
    }
}
