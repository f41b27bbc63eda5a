namespace DicomSpecGen.Spec.Common
{
    /// <summary>Where a spec row comes from: the text of the citation (part, table, row/item) and the
    /// edition of the standard it was transcribed from (where the fact stands today), and the first edition that has
    /// the row when it was added after 2013 (<c>since:</c>; null for rows the 2013 edition already has).</summary>
    public sealed record Citation(string Text, string Edition, string? Since = null)
    {
        /// <summary>The form used in generated XML docs, e.g. "PS3.8 Table 9-11, item 0x20 (2013)".</summary>
        public override string ToString() => $"{Text} ({Edition})";
    }
}
