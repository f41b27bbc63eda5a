using System;

namespace DicomSpecGen.Spec.Dul
{
    /// <summary>The file names of the DUL state machine spec (spec/part08/).</summary>
    public static class DulSpecFiles
    {
        public const string States = "dul-states.yaml";
        public const string Events = "dul-events.yaml";
        public const string Actions = "dul-actions.yaml";
        public const string Transitions = "dul-transitions.yaml";

        public static readonly string[] All = { States, Events, Actions, Transitions };

        /// <summary>True for a path whose file name is one of the four DUL files.</summary>
        public static bool IsDulFile(string path) => Array.IndexOf(All, FileName(path)) >= 0;

        public static string FileName(string path)
        {
            var slash = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
            return slash < 0 ? path : path.Substring(slash + 1);
        }
    }
}
