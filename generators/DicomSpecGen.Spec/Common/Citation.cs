namespace DicomSpecGen.Spec.Common
{
    /// <summary>Where a spec row comes from: the text of the citation (part, table, row/item) and the
    /// edition of the standard it was transcribed from.</summary>
    public sealed record Citation(string Text, string Edition)
    {
        /// <summary>The form used in generated XML docs, e.g. "PS3.8 Table 9-11, item 0x20 (2013)".</summary>
        public override string ToString() => $"{Text} ({Edition})";
    }
}
