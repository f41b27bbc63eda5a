// Fixed part of the DIMSE command-set codec (PS3.7 6.3.1): the same for every edition of the tables,
// so it is real code; the generator adds the message classes and the dispatch on Command Field.
using System;

namespace DicomSpecGen.Dimse
{
    /// <summary>A command element kept as its raw value because the message's table has no field for it;
    /// it is written back unchanged, in tag order.</summary>
    /// <remarks>PS3.7 6.3.1 (2013)</remarks>
    public readonly record struct RawCommandElement(uint Tag, ReadOnlyMemory<byte> Value);
}
