namespace DicomSpecGen.Spec.Registry
{
    /// <summary>Diagnostic identifiers of the PS3.6 registry files (range 0300-0399).</summary>
    public static class RegistryDiagnosticIds
    {
        /// <summary>The same UID appears twice in uids.yaml.</summary>
        public const string DuplicateUid = "DSG0300";
        /// <summary>The same tag (or tag pattern) appears twice in dictionary.yaml.</summary>
        public const string DuplicateTag = "DSG0301";
        /// <summary>A tag is not "(gggg,eeee)" with hex digits or x.</summary>
        public const string BadTag = "DSG0302";
        /// <summary>A VR is not one of vrs.yaml, or a VR alternative list is malformed.</summary>
        public const string BadVr = "DSG0303";
        /// <summary>A UID is not digits and dots (PS3.5 Section 9.1), or longer than 64 characters.</summary>
        public const string BadUid = "DSG0304";
        /// <summary>A dictionary row does not have the six tab-separated columns.</summary>
        public const string BadRow = "DSG0305";
        /// <summary>The same keyword appears twice (it would give two C# members the same name).</summary>
        public const string DuplicateKeyword = "DSG0306";
        /// <summary>A transfer syntax row lacks its encoding, or another row has one, or a value is unknown.</summary>
        public const string BadTransferSyntax = "DSG0307";
        /// <summary>A VM is not "n", "n-m", "n-n", "n-kn" or "n-m or k" form.</summary>
        public const string BadVm = "DSG0308";
        /// <summary>A VR definition in vrs.yaml is malformed (code, kind, length field, padding, size).</summary>
        public const string BadVrDefinition = "DSG0309";
    }
}
