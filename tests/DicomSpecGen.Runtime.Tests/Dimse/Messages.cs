using System.Reflection;
using DicomSpecGen.Dimse;

namespace DicomSpecGen.Runtime.Tests.Dimse;

/// <summary>Builds generated message instances by Command Field and fills their properties with sample values.</summary>
internal static class Messages
{
    private static readonly Dictionary<CommandField, Type> Types = typeof(DimseMessage).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(DimseMessage)) && !t.IsAbstract)
        .ToDictionary(t => ((DimseMessage)Activator.CreateInstance(t)!).CommandField);

    public static IEnumerable<object[]> AllCommandFields => Enum.GetValues<CommandField>().Select(f => new object[] { f });

    public static DimseMessage Create(CommandField field) => (DimseMessage)Activator.CreateInstance(Types[field])!;

    /// <summary>The typed field properties (declared on the message class).</summary>
    public static PropertyInfo[] Fields(DimseMessage message) => message.GetType()
        .GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
        .Where(p => p.CanWrite).ToArray();

    /// <summary>Sets every field to a value derived from its tag, so each field's value differs.</summary>
    public static DimseMessage Filled(CommandField field)
    {
        var message = Create(field);
        foreach (var p in Fields(message))
        {
            var tag = (uint)typeof(CommandElement).GetField(p.Name)!.GetValue(null)!;
            p.SetValue(message, Sample(p.PropertyType, tag));
        }
        if (message.Title != "C-ECHO-RQ" && message.Title != "C-ECHO-RSP") message.HasDataSet = HasDataSetRow(message);
        // Statuses: Pending where conditions depend on it, so C fields must be present and are.
        return message;
    }

    /// <summary>Sets Status (0000,0900) on a response.</summary>
    public static void SetStatus(DimseMessage message, ushort code)
        => message.GetType().GetProperty("Status")?.SetValue(message, (ushort?)code);

    private static bool HasDataSetRow(DimseMessage message)
        => message.GetType().GetField("DataSetUsage") != null;

    public static object Sample(Type type, uint tag)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(ushort)) return tag == CommandElement.Status ? (ushort)0xFF00 : (ushort)(tag & 0x7FFF | 1);
        if (t == typeof(uint)) return tag + 7;
        if (t == typeof(string)) return tag switch
        {
            CommandElement.AffectedSOPClassUID or CommandElement.RequestedSOPClassUID => "1.2.840.10008.5.1.4.1.1.7",
            CommandElement.AffectedSOPInstanceUID or CommandElement.RequestedSOPInstanceUID => "1.2.3.4.5.6.7.8.9",
            CommandElement.MoveDestination => "DEST_AE",
            CommandElement.MoveOriginatorApplicationEntityTitle => "ORIGIN",
            _ => "Comment " + tag.ToString("X4"),
        };
        if (t == typeof(IReadOnlyList<uint>)) return new uint[] { 0x00100010, 0x0020000D, tag };
        if (t.IsEnum) return Enum.GetValues(t).GetValue(1)!;
        throw new NotSupportedException(t.Name);
    }
}
