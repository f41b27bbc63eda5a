using DicomSpecGen.Protocol;
namespace DicomSpecGen.Protocol.Wire;

/// <summary>Encoded sizes of nested structures, for the generated length fields.</summary>
public static class WireSize
{
    public static int Items(IReadOnlyList<PduItem> items)
    {
        var total = 0;
        for (var i = 0; i < items.Count; i++) total += items[i].GetEncodedLength(); // for, not foreach: no boxed enumerator
        return total;
    }

    public static int List<T>(IReadOnlyList<T> elements) where T : IPduStructure
    {
        var total = 0;
        for (var i = 0; i < elements.Count; i++) total += elements[i].GetEncodedLength();
        return total;
    }
}
