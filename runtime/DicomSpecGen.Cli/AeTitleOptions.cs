using System.CommandLine;
using DicomSpecGen.Association;

namespace DicomSpecGen.Cli;

/// <summary>AE title options are checked when the command line is parsed: a title we could never send, or never be
/// called by, is refused naming the option and the rule (AeTitles.Problem), before anything listens or connects.</summary>
internal static class AeTitleOptions
{
    public static TOption CheckedAeTitle<TOption>(this TOption option) where TOption : Option
    {
        option.Validators.Add(result =>
        {
            // Only what was given: the defaults are titles.
            if (result.Tokens.Count == 0) return;
            var value = result.GetValueOrDefault<string?>();
            if (AeTitles.Problem(value) is { } problem) result.AddError($"{option.Name}: '{value}' {problem}");
        });
        return option;
    }
}
