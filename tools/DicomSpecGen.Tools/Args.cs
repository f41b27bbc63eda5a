namespace DicomSpecGen.Tools;

/// <summary>Minimal command-line options: <c>--name value...</c> (values until the next option) and flags.</summary>
public sealed class Args
{
    private readonly Dictionary<string, List<string>> _options = new(StringComparer.Ordinal);

    public Args(IEnumerable<string> args)
    {
        List<string>? current = null;
        foreach (var a in args)
        {
            if (a.StartsWith("--", StringComparison.Ordinal))
            {
                current = [];
                _options[a[2..]] = current;
            }
            else if (current != null) current.Add(a);
            else Positional.Add(a);
        }
    }

    public List<string> Positional { get; } = [];

    public bool Flag(string name) => _options.ContainsKey(name);

    public string? Value(string name) => _options.TryGetValue(name, out var v) && v.Count > 0 ? v[0] : null;

    public IReadOnlyList<string> Values(string name) => _options.TryGetValue(name, out var v) ? v : [];
}
