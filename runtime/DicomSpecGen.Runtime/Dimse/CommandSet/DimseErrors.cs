// Fixed part of the DIMSE command-set codec (PS3.7 6.3.1): the same for every edition of the tables,
// so it is real code; the generator adds the message classes and the dispatch on Command Field.
using System;
using System.Collections.Generic;

namespace DicomSpecGen.Dimse
{
    /// <summary>The kind of rule a command set or message breaks.</summary>
    /// <remarks>PS3.7 6.3.1, 9.3 and 10.3 (2013)</remarks>
    public enum DimseErrorKind
    {
        /// <summary>A field the message table requires (usage M, or C with its condition met) is absent.</summary>
        /// <remarks>PS3.7 6.3.1 (2013)</remarks>
        MissingField,
        /// <summary>A field is present but its value is not allowed.</summary>
        /// <remarks>PS3.7 6.3.1 (2013)</remarks>
        InvalidValue,
        /// <summary>The bytes do not form a command set (truncated element, wrong length, wrong order).</summary>
        /// <remarks>PS3.7 6.3.1 (2013)</remarks>
        Malformed,
        /// <summary>Command Field (0000,0100) names no DIMSE message.</summary>
        /// <remarks>PS3.7 6.3.1 (2013)</remarks>
        UnknownCommand,
        /// <summary>A field or data set appears where the message table does not allow it.</summary>
        /// <remarks>PS3.7 6.3.1 (2013)</remarks>
        NotPermitted,
    }

    /// <summary>A broken rule: its kind, the element (when there is one), the table row it comes from and what is wrong.</summary>
    /// <remarks>PS3.7 9.3 and 10.3 (2013)</remarks>
    public sealed record DimseFieldError(DimseErrorKind Kind, uint? Tag, string Citation, string Message)
    {
        /// <summary>"citation: message", e.g. "PS3.7 Table 9.3-1, Affected SOP Class UID (0000,0002) (2013): missing (usage M)".</summary>
        /// <remarks>PS3.7 6.3.1 (2013)</remarks>
        public override string ToString() => Citation + ": " + Message;
    }

    /// <summary>Thrown when a message cannot be encoded or a command set cannot be decoded; lists every broken rule.</summary>
    /// <remarks>PS3.7 9.3 and 10.3 (2013)</remarks>
    public sealed class DimseException : Exception
    {
        /// <summary>Creates the exception from the broken rules.</summary>
        /// <remarks>PS3.7 6.3.1 (2013)</remarks>
        public DimseException(IReadOnlyList<DimseFieldError> errors)
            : base(string.Join("; ", errors))
        {
            Errors = errors;
        }

        /// <summary>The broken rules, each citing its table row.</summary>
        /// <remarks>PS3.7 6.3.1 (2013)</remarks>
        public IReadOnlyList<DimseFieldError> Errors { get; }
    }
}
