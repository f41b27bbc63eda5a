namespace DicomSpecGen.Spec.Dimse
{
    /// <summary>Diagnostics for the PS3.7 files (spec/part07): DSG0200-DSG0299.</summary>
    public static class DimseDiagnosticIds
    {
        /// <summary>A message table names an element keyword that command-elements.yaml does not define.</summary>
        public const string UnknownElement = "DSG0201";
        /// <summary>Two messages share a Command Field value.</summary>
        public const string DuplicateCommandField = "DSG0202";
        /// <summary>A usage is not M, U, C, U(=) or C(=), or a C usage lacks its condition.</summary>
        public const string BadUsage = "DSG0203";
        /// <summary>Two status codes or ranges of one service (or of a service and General) overlap.</summary>
        public const string OverlappingStatus = "DSG0204";
        /// <summary>A tag is not "(0000,eeee)".</summary>
        public const string BadTag = "DSG0205";
        /// <summary>An element tag or keyword, or a field of one message, appears twice.</summary>
        public const string DuplicateElement = "DSG0206";
        /// <summary>A condition depends on Status (requiredWhen Pending or Success) in a message without Status.</summary>
        public const string UncheckableCondition = "DSG0207";
        /// <summary>A status code, range or class is malformed.</summary>
        public const string BadStatusCode = "DSG0208";
        /// <summary>A message (or command-elements.yaml) lacks Command Group Length, Command Field or Command Data
        /// Set Type, or Command Data Set Type lacks its Null / Present values.</summary>
        public const string MissingProtocolField = "DSG0209";
        /// <summary>An element's VR has no command-set encoding (PS3.5 VRs used in group 0000 only).</summary>
        public const string UnsupportedVr = "DSG0210";
        /// <summary>messages.yaml or statuses.yaml is present but command-elements.yaml is not.</summary>
        public const string MissingFile = "DSG0211";
    }
}
