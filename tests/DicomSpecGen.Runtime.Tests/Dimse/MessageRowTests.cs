using System.Buffers;
using System.Buffers.Binary;
using DicomSpecGen.Dimse;
using DicomSpecGen.Traceability;

namespace DicomSpecGen.Runtime.Tests.Dimse;

/// <summary>Every message of messages.yaml, read with the generator's parser: its class, each field row on the wire
/// and back, and its data set row.</summary>
public class MessageRowTests
{
    public static TheoryData<string> MessageRows()
    {
        var data = new TheoryData<string>();
        foreach (var m in SpecFiles.Load().Messages) data.Add(m.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(MessageRows))]
    // Each message table: the message row, its field rows and its data set row.
    [SpecRow("PS3.7 Table 9.3-1")]
    [SpecRow("PS3.7 Table 9.3-2")]
    [SpecRow("PS3.7 Table 9.3-3")]
    [SpecRow("PS3.7 Table 9.3-4")]
    [SpecRow("PS3.7 Table 9.3-5")]
    [SpecRow("PS3.7 Tables 9.3-5, 9.3-8, 9.3-11")]
    [SpecRow("PS3.7 Table 9.3-6")]
    [SpecRow("PS3.7 Table 9.3-7")]
    [SpecRow("PS3.7 Table 9.3-9")]
    [SpecRow("PS3.7 Table 9.3-10")]
    [SpecRow("PS3.7 Table 9.3-12")]
    [SpecRow("PS3.7 Table 9.3-13")]
    [SpecRow("PS3.7 Table 10.3-1")]
    [SpecRow("PS3.7 Table 10.3-2")]
    [SpecRow("PS3.7 Table 10.3-3")]
    [SpecRow("PS3.7 Table 10.3-4")]
    [SpecRow("PS3.7 Table 10.3-5")]
    [SpecRow("PS3.7 Table 10.3-6")]
    [SpecRow("PS3.7 Table 10.3-7")]
    [SpecRow("PS3.7 Table 10.3-8")]
    [SpecRow("PS3.7 Table 10.3-9")]
    [SpecRow("PS3.7 Table 10.3-10")]
    [SpecRow("PS3.7 Table 10.3-11")]
    [SpecRow("PS3.7 Table 10.3-12")]
    public void Message_row_fields_are_encoded_decoded_and_checked(string name)
    {
        var spec = SpecFiles.Load();
        var row = spec.Messages.Single(m => m.Name == name);
        var field = (CommandField)row.CommandField;
        var message = Messages.Create(field);
        Assert.Equal(name, message.GetType().Name);
        Assert.Equal(row.Title, message.Title);
        Assert.Equal(row.IsResponse, message.IsResponse);

        // The typed properties are exactly the table's fields other than the three the codec computes.
        var rowFields = row.Fields.Concat(row.IsResponse ? spec.StatusFields : []).ToList();
        string[] computed = ["CommandGroupLength", "CommandField", "CommandDataSetType"];
        Assert.Equal(rowFields.Select(f => f.Element).Where(e => !computed.Contains(e)).Order(),
            Messages.Fields(message).Select(p => p.Name).Order());

        // Data set row: its usage is the class's, and a new message of usage M announces a data set.
        var usage = message.GetType().GetField("DataSetUsage")?.GetValue(null) as string;
        Assert.Equal(row.DataSet?.Usage, usage);
        Assert.Equal(row.DataSet?.Usage == "M", message.HasDataSet);

        var filled = Messages.Filled(field);
        var bytes = filled.ToArray();
        var elements = Elements(bytes);
        // Every field row is on the wire (all set), in ascending tag order, and nothing else is.
        Assert.Equal(rowFields.Select(f => ElementTag(f.Element)).Order(), elements.Keys);
        Assert.Equal((uint)(bytes.Length - 12), BinaryPrimitives.ReadUInt32LittleEndian(elements[CommandElement.CommandGroupLength]));
        Assert.Equal(row.CommandField, BinaryPrimitives.ReadUInt16LittleEndian(elements[CommandElement.CommandField]));
        Assert.Equal((ushort)filled.CommandDataSetType, BinaryPrimitives.ReadUInt16LittleEndian(elements[CommandElement.CommandDataSetType]));
        Assert.Equal(row.DataSet != null, filled.HasDataSet);

        var decoded = DimseMessage.Decode(new ReadOnlySequence<byte>(bytes));
        foreach (var p in Messages.Fields(filled))
        {
            if (p.GetValue(filled) is IReadOnlyList<uint> list) Assert.Equal(list, (IReadOnlyList<uint>)p.GetValue(decoded)!);
            else Assert.Equal(p.GetValue(filled), p.GetValue(decoded));
        }

        // A mandatory field left out is reported with its row's citation.
        foreach (var f in rowFields.Where(f => f.Usage == "M" && !computed.Contains(f.Element)))
        {
            var message2 = Messages.Filled(field);
            message2.GetType().GetProperty(f.Element)!.SetValue(message2, null);
            Assert.Contains(message2.Validate(), e => e.Tag == ElementTag(f.Element) && e.Citation == f.Source.ToString());
        }
    }

    private static uint ElementTag(string keyword) => (uint)typeof(CommandElement).GetField(keyword)!.GetValue(null)!;

    /// <summary>The command set's elements (implicit VR little endian): tag → value bytes, in wire order.</summary>
    private static SortedDictionary<uint, byte[]> Elements(byte[] bytes)
    {
        var result = new SortedDictionary<uint, byte[]>();
        uint previous = 0;
        for (var at = 0; at < bytes.Length;)
        {
            var tag = (uint)BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(at)) << 16 | BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(at + 2));
            var length = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at + 4));
            Assert.True(result.Count == 0 || tag > previous, $"tag {tag:X8} out of order");
            result.Add(tag, bytes.AsSpan(at + 8, length).ToArray());
            previous = tag;
            at += 8 + length;
        }
        return result;
    }
}
