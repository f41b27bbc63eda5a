using DicomSpecGen.Spec.Common;

namespace DicomSpecGen.Spec.Dimse
{
    /// <summary>Everything read from spec/part07: command elements, messages and statuses.</summary>
    public sealed record DimseSpec(
        EquatableArray<CommandElementSpec> Elements,
        EquatableArray<MessageSpec> Messages,
        EquatableArray<MessageFieldSpec> StatusFields,
        EquatableArray<StatusClassSpec> Classes,
        EquatableArray<StatusServiceSpec> Services,
        EquatableArray<SpecDiagnostic> Diagnostics)
    {
        public bool IsEmpty => Elements.Count == 0 && Messages.Count == 0 && Services.Count == 0 && Diagnostics.Count == 0;

        /// <summary>The response that answers <paramref name="request"/> ("C-STORE-RQ" → "C-STORE-RSP"), or null
        /// (C-CANCEL-RQ has none; PS3.7 9.3.2.3).</summary>
        public MessageSpec? ResponseOf(MessageSpec request)
        {
            if (request.IsResponse || !request.Title.EndsWith("-RQ", System.StringComparison.Ordinal)) return null;
            var title = request.Title.Substring(0, request.Title.Length - "-RQ".Length) + "-RSP";
            foreach (var m in Messages) if (m.IsResponse && m.Title == title) return m;
            return null;
        }

        /// <summary>The request a response answers, or null.</summary>
        public MessageSpec? RequestOf(MessageSpec response)
        {
            if (!response.IsResponse || !response.Title.EndsWith("-RSP", System.StringComparison.Ordinal)) return null;
            var title = response.Title.Substring(0, response.Title.Length - "-RSP".Length) + "-RQ";
            foreach (var m in Messages) if (!m.IsResponse && m.Title == title) return m;
            return null;
        }
    }

    /// <summary>A group 0000 element of PS3.7 Annex E.</summary>
    public sealed record CommandElementSpec(
        uint Tag, string Keyword, string Name, string Vr, string Vm, bool Retired, Citation Source,
        EquatableArray<NamedValueSpec> Values)
    {
        public ushort ElementNumber => (ushort)(Tag & 0xFFFF);
        public string TagText => $"(0000,{ElementNumber:X4})";
        public bool MultiValued => Vm != "1";
    }

    /// <summary>A value the standard names for an element, e.g. Priority LOW = 0002H.</summary>
    public sealed record NamedValueSpec(string Name, int Value, string Description, Citation Source);

    /// <summary>One DIMSE message (PS3.7 9.3 / 10.3).</summary>
    public sealed record MessageSpec(
        string Name, string Title, int CommandField, bool IsResponse, Citation Source, string UsageSource,
        EquatableArray<MessageFieldSpec> Fields, DataSetSpec? DataSet, int Line);

    /// <summary>A row of a message field table: an element and its usage. <paramref name="EqualsElement"/> names the
    /// request field whose value a response field shall equal when the service text says so for a field of another
    /// name (e.g. Message ID Being Responded To = Message ID), cited by <paramref name="EqualsSource"/>.</summary>
    public sealed record MessageFieldSpec(
        string Element, string Usage, string? Condition, string? RequiredWhen, string? ConditionSource, Citation Source,
        string? EqualsElement = null, string? EqualsSource = null)
    {
        public bool IsMandatory => Usage == "M";

        /// <summary>The request field this response field takes its value from: <see cref="EqualsElement"/>, or the
        /// field of the same name for usage U(=) / C(=); null when the response sets it itself.</summary>
        public string? RequestElement => EqualsElement ?? (Usage.EndsWith("(=)", System.StringComparison.Ordinal) ? Element : null);
    }

    /// <summary>The "(no tag)" data set row of a message table.</summary>
    public sealed record DataSetSpec(
        string Name, string Usage, string? Condition, string? RequiredWhen, string? ConditionSource, Citation Source);

    /// <summary>An inclusive range of 16-bit status codes; a single code has Low == High.</summary>
    public sealed record CodeRange(int Low, int High, string Text)
    {
        public bool Overlaps(CodeRange other) => Low <= other.High && other.Low <= High;
    }

    /// <summary>A row of the Annex C Status Class convention.</summary>
    public sealed record StatusClassSpec(string Class, EquatableArray<CodeRange> Codes, Citation Source);

    /// <summary>The statuses of one service (or General).</summary>
    public sealed record StatusServiceSpec(string Name, string Title, string Source, EquatableArray<StatusSpec> Statuses);

    /// <summary>One status code or range. <see cref="Constant"/> is the C# name of its constant: <see cref="Name"/>
    /// when the row gives one, otherwise its meaning in Pascal case ("Refused: Out of Resources" is
    /// RefusedOutOfResources), followed by the code when two rows of a service share a meaning.</summary>
    public sealed record StatusSpec(CodeRange Code, string Meaning, string Class, string? Name, Citation Source, string Constant = "");
}
