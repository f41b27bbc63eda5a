using System.Text;

namespace DicomSpecGen.Generators.Registry
{
    /// <summary>Turns the standard's labels ("Well-known SOP Instance") into C# names ("WellKnownSopInstance").</summary>
    internal static class Naming
    {
        public static string Pascal(string text)
        {
            var sb = new StringBuilder();
            var word = new StringBuilder();
            void Flush()
            {
                if (word.Length == 0) return;
                var w = word.ToString();
                var upper = 0;
                foreach (var c in w) if (char.IsUpper(c)) upper++;
                // Acronyms (SOP, UIDs, LDAP) are written like words.
                sb.Append(char.ToUpperInvariant(w[0])).Append(upper > 1 ? w.Substring(1).ToLowerInvariant() : w.Substring(1));
                word.Clear();
            }
            foreach (var c in text)
            {
                if (char.IsLetterOrDigit(c)) word.Append(c);
                else Flush();
            }
            Flush();
            if (sb.Length == 0 || char.IsDigit(sb[0])) sb.Insert(0, '_');
            return sb.ToString();
        }
    }
}
