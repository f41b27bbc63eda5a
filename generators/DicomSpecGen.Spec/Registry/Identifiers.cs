namespace DicomSpecGen.Spec.Registry
{
    /// <summary>Checks that a keyword can be used as a C# member name.</summary>
    public static class Identifiers
    {
        public static bool IsIdentifier(string text)
        {
            if (text.Length == 0 || char.IsDigit(text[0])) return false;
            foreach (var c in text)
            {
                if (!(c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
            }
            return true;
        }
    }
}
