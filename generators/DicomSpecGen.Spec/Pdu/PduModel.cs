using DicomSpecGen.Spec.Common;

namespace DicomSpecGen.Spec.Pdu
{
    /// <summary>pdus.yaml: the PDU, item and sub-item layouts and their value tables.</summary>
    public sealed record PduSpec(
        string Edition,
        string Document,
        EquatableArray<StructureSpec> Structures,
        EquatableArray<EnumSpec> Enums,
        EquatableArray<SpecDiagnostic> Diagnostics);

    public enum StructureKind
    {
        /// <summary>A PDU, dispatched on its PDU-type byte.</summary>
        Pdu,
        /// <summary>An item or sub-item, dispatched on its Item-type byte inside an items list.</summary>
        Item,
        /// <summary>A structure with no type byte, found only inside a list (e.g. a PDV item).</summary>
        Record,
    }

    public sealed record StructureSpec(
        string Name,
        StructureKind Kind,
        int? Code,
        string Title,
        string? Description,
        Citation Source,
        EquatableArray<FieldSpec> Fields,
        int Line);

    public enum FieldType
    {
        Code,
        Reserved,
        Length,
        UInt8,
        UInt16,
        UInt32,
        AeTitle,
        Uid,
        Ascii,
        Bytes,
        Fragment,
        Items,
        List,
    }

    /// <param name="Bytes">The byte range as the standard prints it.</param>
    /// <param name="Start">1-based first byte when the range is numeric.</param>
    /// <param name="Size">Fixed size in bytes, or null for a variable-size field.</param>
    /// <param name="Value">The value sent for a reserved field.</param>
    /// <param name="LengthOf">For a length field, the one field whose length it gives (null: the rest of the structure).</param>
    /// <param name="Of">For items: the allowed item structures; for list: the one repeated structure.</param>
    /// <param name="Tested">False where the standard says the field is not tested when received.</param>
    public sealed record FieldSpec(
        string Name,
        string Bytes,
        int? Start,
        FieldType Type,
        int? Size,
        long Value,
        long? Default,
        string? Enum,
        string? LengthOf,
        EquatableArray<string> Of,
        bool Tested,
        int? MinLength,
        int? MaxLength,
        int? MinCount,
        EquatableArray<BitSpec> Bits,
        string? Description,
        Citation Source,
        int Line)
    {
        /// <summary>Whether the field has a C# member (code, reserved and length fields are implied).</summary>
        public bool IsMember => Type != FieldType.Code && Type != FieldType.Reserved && Type != FieldType.Length;

        /// <summary>Whether the field's extent is set by a length field or the end of the structure.</summary>
        public bool IsVariable => Type == FieldType.Uid || Type == FieldType.Ascii || Type == FieldType.Bytes
            || Type == FieldType.Fragment || Type == FieldType.Items || Type == FieldType.List;
    }

    public sealed record BitSpec(string Name, int Bit, string? Description, Citation Source);

    public sealed record EnumSpec(
        string Name,
        string Title,
        string? QualifiedBy,
        Citation Source,
        EquatableArray<EnumValueSpec> Values,
        int Line);

    public sealed record EnumValueSpec(string Name, long Value, long? Qualifier, string Meaning, Citation Source, int Line);
}
