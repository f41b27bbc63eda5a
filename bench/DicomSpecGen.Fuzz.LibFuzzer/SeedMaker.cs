using System.Buffers;
using DicomSpecGen.Data;
using DicomSpecGen.Data.Part10;
using DicomSpecGen.Dimse;
using DicomSpecGen.Fuzz;
using DicomSpecGen.Protocol;
using DicomSpecGen.Registry;

/// <summary>Writes the starting corpus of each target (`seeds OUT`): the captured PDUs of tests/corpus/pdu, the command
/// sets and data sets cut out of them, and a few built with the runtime for what the capture lacks. The committed
/// corpora (tests/corpus/fuzz/&lt;target&gt;) are these after fuzzing and minimizing.</summary>
internal static class SeedMaker
{
    public static void Write(string pduCorpus, string output)
    {
        var captured = Directory.EnumerateFiles(pduCorpus, "*.bin").Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToList();
        var pdus = FuzzSeeds.Load(pduCorpus);
        Save(output, "pdu", pdus);
        Save(output, "associate", pdus.Where(p => p.Length > 0 && p[0] == 0x01));

        // Command and data fragments of the captured P-DATA-TF PDUs, joined per message.
        var commands = new List<byte[]>();
        var dataSets = new List<byte[]>();
        foreach (var bytes in captured.Where(p => p.Length > 0 && p[0] == 0x04))
        {
            var pdata = (PDataTf)Pdu.Read(new ReadOnlySequence<byte>(bytes));
            foreach (var pdv in pdata.Values)
                (pdv.MessageControlHeader.HasFlag(MessageControlHeader.Command) ? commands : dataSets).Add(pdv.Fragment.ToArray());
        }
        commands.AddRange(BuiltCommands().Select(m => m.ToArray()));
        Save(output, "command-set", commands);

        var inputs = new List<byte[]>();
        foreach (var data in dataSets)
        {
            inputs.Add(DataSetFuzzTarget.Input(0, data));
            inputs.Add(DataSetFuzzTarget.Input(1, data));
        }
        for (var mode = 0; mode < DataSetFuzzTarget.Modes.Count; mode++)
        {
            var ts = DataSetFuzzTarget.Modes[mode];
            // Encapsulated pixel data only in an explicit VR little endian encoding (PS3.5 A.4).
            inputs.Add(DataSetFuzzTarget.Input((byte)mode, BuiltDataSet(ts.IsExplicitVr && !ts.IsBigEndian).Encode(ts)));
        }
        foreach (var ts in new[] { TransferSyntax.ExplicitVRLittleEndian, TransferSyntax.ImplicitVRLittleEndian, TransferSyntax.DeflatedExplicitVRLittleEndian })
        {
            using var file = new MemoryStream();
            DicomFile.WriteAsync(file, new DicomFileMeta(DicomUids.CTImageStorage, "1.2.3.4.5", ts.Uid), BuiltDataSet(ts.IsExplicitVr)).GetAwaiter().GetResult();
            inputs.Add(DataSetFuzzTarget.Input(DataSetFuzzTarget.Part10Mode, file.ToArray()));
        }
        Save(output, "data-set", inputs);
    }

    private static IEnumerable<DimseMessage> BuiltCommands()
    {
        yield return new CFindRq { AffectedSOPClassUID = DicomUids.StudyRootQueryRetrieveInformationModelFind, MessageID = 7, Priority = Priority.Medium };
        yield return new CMoveRq { AffectedSOPClassUID = DicomUids.StudyRootQueryRetrieveInformationModelMove, MessageID = 8, Priority = Priority.High, MoveDestination = "STORESCP" };
        yield return new CMoveRsp { AffectedSOPClassUID = DicomUids.StudyRootQueryRetrieveInformationModelMove, MessageIDBeingRespondedTo = 8, Status = 0xFF00, NumberOfRemainingSuboperations = 3, NumberOfCompletedSuboperations = 1, NumberOfFailedSuboperations = 0, NumberOfWarningSuboperations = 0 };
        yield return new CStoreRq { AffectedSOPClassUID = DicomUids.CTImageStorage, AffectedSOPInstanceUID = "1.2.3.4", MessageID = 9, Priority = Priority.Low, MoveOriginatorApplicationEntityTitle = "MOVESCU", MoveOriginatorMessageID = 8 };
        yield return new CCancelRq { MessageIDBeingRespondedTo = 7 };
        yield return new NGetRq { RequestedSOPClassUID = "1.2.840.10008.3.1.2.3.3", RequestedSOPInstanceUID = "1.2.3", MessageID = 10, AttributeIdentifierList = [0x00100010, 0x00100020] };
        yield return new NActionRsp { AffectedSOPClassUID = "1.2.840.10008.1.20.1", MessageIDBeingRespondedTo = 11, Status = 0x0110, ErrorComment = "no", ErrorID = 3, OffendingElement = [0x00081150], AffectedSOPInstanceUID = "1.2.840.10008.1.20.1.1", ActionTypeID = 1 };
        yield return new NEventReportRq { AffectedSOPClassUID = "1.2.840.10008.1.20.1", AffectedSOPInstanceUID = "1.2.840.10008.1.20.1.1", MessageID = 12, EventTypeID = 1 };
    }

    /// <summary>Elements of several VRs, a private block, a nested sequence and encapsulated pixel data.</summary>
    private static DicomDataset BuiltDataSet(bool encapsulated)
    {
        var item = new DicomDataset().SetString(DicomTags.ReferencedSOPClassUID, DicomVr.UI, DicomUids.CTImageStorage)
            .SetString(DicomTags.ReferencedSOPInstanceUID, DicomVr.UI, "1.2.3.4.5.6");
        item.AddSequence(DicomTags.ReferencedImageSequence, new DicomDataset().SetString(DicomTags.ReferencedSOPInstanceUID, DicomVr.UI, "1.2.3"));
        var ds = new DicomDataset()
            .SetString(DicomTags.SOPClassUID, DicomVr.UI, DicomUids.CTImageStorage)
            .SetString(DicomTags.SOPInstanceUID, DicomVr.UI, "1.2.3.4.5")
            .SetString(DicomTags.PatientName, DicomVr.PN, "DOE^JANE")
            .SetString(DicomTags.PatientID, DicomVr.LO, "PID1")
            .SetString(DicomTags.StudyDate, DicomVr.DA, "20240105")
            .SetUInt16(DicomTags.Rows, 2)
            .SetUInt16(DicomTags.Columns, 2)
            .SetUInt16(DicomTags.PixelRepresentation, 1)
            .SetInt32(new DicomTag(0x00091010), -5)
            .SetFloat64(new DicomTag(0x00091011), 1.5)
            .SetString(new DicomTag(0x00090010), DicomVr.LO, "FUZZ PRIVATE")
            .SetBytes(new DicomTag(0x00091012), DicomVr.UN, new byte[] { 1, 2, 3, 4 });
        ds.AddSequence(DicomTags.ReferencedSeriesSequence, item, new DicomDataset());
        if (!encapsulated) return ds.SetBytes(DicomTags.PixelData, DicomVr.OW, new byte[] { 1, 0, 2, 0, 3, 0, 4, 0 });
        var pixels = new DicomFragments(DicomTags.PixelData, DicomVr.OB);
        pixels.Fragments.Add(Array.Empty<byte>());
        pixels.Fragments.Add(new byte[] { 0xFF, 0xD8, 0xFF, 0xD9 });
        ds.Set(pixels);
        return ds;
    }

    private static void Save(string output, string target, IEnumerable<byte[]> inputs)
    {
        var dir = Path.Combine(output, target);
        Directory.CreateDirectory(dir);
        var n = 0;
        foreach (var input in inputs) File.WriteAllBytes(Path.Combine(dir, $"seed-{n++:D3}.bin"), input);
        Console.WriteLine($"{dir}: {n} seeds");
    }
}
