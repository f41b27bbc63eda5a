using DicomSpecGen.Protocol;
namespace DicomSpecGen.Protocol.Wire;

/// <summary>Encoded sizes of nested structures, for the generated length fields.</summary>
public static class WireSize
{
    public static int Items(IReadOnlyList<PduItem> items)
    {
        var total = 0;
        foreach (var item in items) total += item.GetEncodedLength();
        return total;
    }

    public static int List<T>(IReadOnlyList<T> elements) where T : IPduStructure
    {
        var total = 0;
        foreach (var element in elements) total += element.GetEncodedLength();
        return total;
    }
}
