namespace DicomSpecGen.Spec.Common
{
    /// <summary>Diagnostic identifiers. Ranges: 0001-0099 common and PS3.8 PDUs, 0100-0199 DUL state machine,
    /// 0200-0299 PS3.7 DIMSE, 0300-0399 PS3.6 registry and dictionary.</summary>
    public static class DiagnosticIds
    {
        public const string YamlSyntax = "DSG0001";
        public const string MissingKey = "DSG0002";
        public const string InvalidValue = "DSG0003";
        public const string MissingSource = "DSG0004";
        public const string UnknownKey = "DSG0005";
        public const string DuplicateName = "DSG0006";
        public const string DuplicateCode = "DSG0010";
        public const string UnknownFieldType = "DSG0011";
        public const string SizeMismatch = "DSG0012";
        public const string UnknownReference = "DSG0013";
        public const string MisplacedField = "DSG0014";
        public const string InconsistentHeader = "DSG0015";

    }
}
