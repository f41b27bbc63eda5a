namespace DicomSpecGen.Spec.Dul
{
    /// <summary>Diagnostics of the DUL state machine files (range DSG0100-0199). A missing 'source' is the
    /// common DSG0004, unknown keys DSG0005 and duplicate names DSG0006.</summary>
    public static class DulDiagnosticIds
    {
        public const string UnknownState = "DSG0101";
        public const string UnknownEvent = "DSG0102";
        public const string UnknownAction = "DSG0103";
        public const string DuplicateCell = "DSG0104";
        public const string MissingCell = "DSG0105";
        public const string NextStateNotAllowed = "DSG0106";
        public const string UnknownUndefinedRule = "DSG0107";
        public const string CellActionConflict = "DSG0108";
        public const string MissingFile = "DSG0109";
        public const string InvalidName = "DSG0110";
    }
}
