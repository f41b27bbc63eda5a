using System.Collections.Generic;

namespace DicomSpecGen.Spec.Common
{
    /// <summary>The one catalogue of DSGnnnn diagnostics: every id is defined here, with the title the compiler
    /// shows. Ranges: 0000 internal error, 0001-0099 common and PS3.8 PDUs, 0100-0199 DUL state machine,
    /// 0200-0299 PS3.7 DIMSE, 0300-0399 PS3.6 registry and dictionary.</summary>
    public static class DiagnosticIds
    {
        /// <summary>A bug in a parser or emitter, reported at the file instead of crashing the compiler.</summary>
        public const string InternalError = "DSG0000";
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

        /// <summary>The DUL state machine files (spec/part08/dul-*.yaml). A missing 'source' is the common
        /// DSG0004, unknown keys DSG0005 and duplicate names DSG0006.</summary>
        public static class Dul
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
            /// <summary>A DUL event names a PDU that pdus.yaml does not define as a PDU.</summary>
            public const string UnknownPdu = "DSG0111";
            /// <summary>A PDU of pdus.yaml whose receipt is no event of dul-events.yaml.</summary>
            public const string PduWithoutEvent = "DSG0112";
        }

        /// <summary>The PS3.7 files (spec/part07).</summary>
        public static class Dimse
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

        /// <summary>The PS3.6 registry files (spec/part06) and the VRs of PS3.5 (spec/part05).</summary>
        public static class Registry
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

        /// <summary>Every diagnostic with its title, in id order: the generator makes one compiler descriptor
        /// of each, the tools print the titles.</summary>
        public static readonly IReadOnlyList<DiagnosticInfo> All = new[]
        {
            new DiagnosticInfo(InternalError, "Internal error of the spec reader or generator"),
            new DiagnosticInfo(YamlSyntax, "YAML syntax error"),
            new DiagnosticInfo(MissingKey, "Required key missing"),
            new DiagnosticInfo(InvalidValue, "Invalid value"),
            new DiagnosticInfo(MissingSource, "Row without 'source' citation"),
            new DiagnosticInfo(UnknownKey, "Unknown key"),
            new DiagnosticInfo(DuplicateName, "Duplicate name"),
            new DiagnosticInfo(DuplicateCode, "Duplicate code"),
            new DiagnosticInfo(UnknownFieldType, "Unknown PDU field type"),
            new DiagnosticInfo(SizeMismatch, "PDU field sizes do not add up"),
            new DiagnosticInfo(UnknownReference, "Reference to an undefined structure or enum"),
            new DiagnosticInfo(MisplacedField, "PDU field in a place its kind does not allow"),
            new DiagnosticInfo(InconsistentHeader, "PDU or item header inconsistent"),
            new DiagnosticInfo(Dul.UnknownState, "DUL: unknown state"),
            new DiagnosticInfo(Dul.UnknownEvent, "DUL: unknown event"),
            new DiagnosticInfo(Dul.UnknownAction, "DUL: unknown action"),
            new DiagnosticInfo(Dul.DuplicateCell, "DUL: transition cell defined twice"),
            new DiagnosticInfo(Dul.MissingCell, "DUL: transition cell missing"),
            new DiagnosticInfo(Dul.NextStateNotAllowed, "DUL: next state not allowed by the action"),
            new DiagnosticInfo(Dul.UnknownUndefinedRule, "DUL: unknown rule for an undefined cell"),
            new DiagnosticInfo(Dul.CellActionConflict, "DUL: cell has both an action and an undefined rule"),
            new DiagnosticInfo(Dul.MissingFile, "DUL: state machine file missing"),
            new DiagnosticInfo(Dul.InvalidName, "DUL: name is not an identifier"),
            new DiagnosticInfo(Dul.UnknownPdu, "DUL: event names an undefined PDU"),
            new DiagnosticInfo(Dul.PduWithoutEvent, "DUL: PDU whose receipt is no event"),
            new DiagnosticInfo(Dimse.UnknownElement, "DIMSE: unknown command element"),
            new DiagnosticInfo(Dimse.DuplicateCommandField, "DIMSE: duplicate Command Field"),
            new DiagnosticInfo(Dimse.BadUsage, "DIMSE: bad field usage"),
            new DiagnosticInfo(Dimse.OverlappingStatus, "DIMSE: overlapping status codes"),
            new DiagnosticInfo(Dimse.BadTag, "DIMSE: bad command element tag"),
            new DiagnosticInfo(Dimse.DuplicateElement, "DIMSE: duplicate element or field"),
            new DiagnosticInfo(Dimse.UncheckableCondition, "DIMSE: condition on Status in a message without Status"),
            new DiagnosticInfo(Dimse.BadStatusCode, "DIMSE: bad status code"),
            new DiagnosticInfo(Dimse.MissingProtocolField, "DIMSE: protocol field missing"),
            new DiagnosticInfo(Dimse.UnsupportedVr, "DIMSE: VR without command-set encoding"),
            new DiagnosticInfo(Dimse.MissingFile, "DIMSE: command-elements.yaml missing"),
            new DiagnosticInfo(Registry.DuplicateUid, "Registry: duplicate UID"),
            new DiagnosticInfo(Registry.DuplicateTag, "Registry: duplicate tag"),
            new DiagnosticInfo(Registry.BadTag, "Registry: bad tag"),
            new DiagnosticInfo(Registry.BadVr, "Registry: bad VR"),
            new DiagnosticInfo(Registry.BadUid, "Registry: bad UID"),
            new DiagnosticInfo(Registry.BadRow, "Registry: dictionary row without six columns"),
            new DiagnosticInfo(Registry.DuplicateKeyword, "Registry: duplicate keyword"),
            new DiagnosticInfo(Registry.BadTransferSyntax, "Registry: bad transfer syntax encoding"),
            new DiagnosticInfo(Registry.BadVm, "Registry: bad VM"),
            new DiagnosticInfo(Registry.BadVrDefinition, "Registry: bad VR definition"),
        };
    }

    /// <summary>One diagnostic of the catalogue: its id and title.</summary>
    public sealed record DiagnosticInfo(string Id, string Title);
}
