using System.Globalization;
using DicomSpecGen.Dimse;
using DicomSpecGen.Traceability;

namespace DicomSpecGen.Runtime.Tests.Dimse;

/// <summary>Status lookup against tests/reference/statuses.tsv and the Annex C class convention.</summary>
public class StatusLookupTests
{
    private static readonly Dictionary<string, DimseService> Services = new()
    {
        ["General"] = DimseService.General,
        ["Storage"] = DimseService.Storage,
        ["Query/Retrieve FIND"] = DimseService.QueryRetrieveFind,
        ["Query/Retrieve MOVE"] = DimseService.QueryRetrieveMove,
        ["Query/Retrieve GET"] = DimseService.QueryRetrieveGet,
    };

    public static IEnumerable<object[]> ReferenceRows => TestPaths.ReadTsv("statuses.tsv")
        .Where(r => Services.ContainsKey(r["service"]))
        .Select(r => new object[] { r["service"], r["code"], r["meaning"], r["class"] });

    [Theory]
    [MemberData(nameof(ReferenceRows))]
    public void ReferenceRowIsFoundWithItsClassAndMeaning(string service, string code, string meaning, string statusClass)
    {
        var parts = code.Split('-');
        var low = ushort.Parse(parts[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        var high = parts.Length > 1 ? ushort.Parse(parts[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture) : low;
        // statuses.tsv has pynetdicom's wording; the service rows follow PS3.4 2020c's (checked by `dsgtool import
        // statuses` with the PS3.4 XML), so for them the meaning must be one row's across the range.
        var rowMeaning = service == "General" ? meaning : DimseStatus.Lookup(Services[service], low).Meaning;
        Assert.NotNull(rowMeaning);
        meaning = rowMeaning;
        foreach (var probe in new[] { low, (ushort)((low + high) / 2), high })
        {
            var info = DimseStatus.Lookup(Services[service], probe);
            Assert.Equal(Enum.Parse<StatusClass>(statusClass), info.Class);
            Assert.Equal(meaning, info.Meaning);
            Assert.Equal(Services[service], info.Service);
            Assert.Equal(Enum.Parse<StatusClass>(statusClass), DimseStatus.ClassOf(probe));
        }
        if (parts.Length > 1)
        {
            // Just outside a range the row no longer matches.
            if (low > 0) Assert.NotEqual(meaning, DimseStatus.Lookup(Services[service], (ushort)(low - 1)).Meaning);
            Assert.NotEqual(meaning, DimseStatus.Lookup(Services[service], (ushort)(high + 1)).Meaning);
        }
    }

    [Fact]
    public void EveryServiceFallsBackToGeneral()
    {
        foreach (var row in TestPaths.ReadTsv("statuses.tsv").Where(r => r["service"] == "General"))
        {
            var code = ushort.Parse(row["code"], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            foreach (var service in Enum.GetValues<DimseService>())
            {
                var info = DimseStatus.Lookup(service, code);
                Assert.Equal(DimseService.General, info.Service);
                Assert.Equal(row["meaning"], info.Meaning);
                Assert.Equal(Enum.Parse<StatusClass>(row["class"]), info.Class);
            }
        }
    }

    [Fact]
    [SpecRow("PS3.7 Annex C.5.13, Missing Attribute")]
    public void Describe_names_a_general_status_for_a_service_without_its_own_rows()
    {
        // Instance Availability Notification has no specific statuses (PS3.4 R.3.2.1.4); its N-CREATE answers are
        // the General ones, which Describe finds through the fallback.
        var general = DimseStatus.Lookup(DimseService.General, DimseStatus.MissingAttribute);
        Assert.Equal($"0x0120 {general.Meaning} (Failure; {general.Source})",
            DimseStatus.Describe(DimseService.InstanceAvailabilityNotification, DimseStatus.MissingAttribute));
        Assert.Equal("0xA7FF (Failure)", DimseStatus.Describe(DimseService.InstanceAvailabilityNotification, 0xA7FF));
    }

    [Fact]
    public void VerificationHasOnlyTheGeneralStatuses()
    {
        Assert.False(DimseStatus.TryLookup(DimseService.Verification, 0x0000, out _));
        Assert.Equal(StatusClass.Success, DimseStatus.Lookup(DimseService.Verification, 0x0000).Class);
        Assert.Null(DimseStatus.Lookup(DimseService.Verification, 0xA700).Meaning);
    }

    [Fact]
    public void ServiceRowsDoNotLeakIntoOtherServices()
    {
        Assert.Equal("Refused: Out of resources", DimseStatus.Lookup(DimseService.Storage, 0xA7FF).Meaning);
        Assert.Null(DimseStatus.Lookup(DimseService.QueryRetrieveFind, 0xA7FF).Meaning);
        Assert.Equal("Refused: Move Destination unknown", DimseStatus.Lookup(DimseService.QueryRetrieveMove, 0xA801).Meaning);
        Assert.Null(DimseStatus.Lookup(DimseService.QueryRetrieveGet, 0xA801).Meaning);
    }

    [Theory]
    [InlineData((ushort)0x0000, StatusClass.Success)]
    [InlineData((ushort)0x0001, StatusClass.Warning)]
    [InlineData((ushort)0xB000, StatusClass.Warning)]
    [InlineData((ushort)0xBFFF, StatusClass.Warning)]
    [InlineData((ushort)0xA000, StatusClass.Failure)]
    [InlineData((ushort)0xAFFF, StatusClass.Failure)]
    [InlineData((ushort)0xC000, StatusClass.Failure)]
    [InlineData((ushort)0xCFFF, StatusClass.Failure)]
    [InlineData((ushort)0xFE00, StatusClass.Cancel)]
    [InlineData((ushort)0xFF00, StatusClass.Pending)]
    [InlineData((ushort)0xFF01, StatusClass.Pending)]
    [InlineData((ushort)0x0107, StatusClass.Warning)]   // assigned: Attribute List Error
    [InlineData((ushort)0x0116, StatusClass.Warning)]   // assigned: Attribute Value Out of Range
    [InlineData((ushort)0x0122, StatusClass.Failure)]   // assigned: Refused: SOP Class Not Supported
    [InlineData((ushort)0x0213, StatusClass.Failure)]   // assigned: Resource Limitation
    [InlineData((ushort)0x0199, StatusClass.Unknown)]   // assigned range, no status defined
    [InlineData((ushort)0x0002, StatusClass.Unknown)]
    [InlineData((ushort)0xD000, StatusClass.Unknown)]
    [InlineData((ushort)0xFF02, StatusClass.Unknown)]
    public void ClassConventionOfAnnexC(ushort code, StatusClass expected)
    {
        Assert.Equal(expected, DimseStatus.ClassOf(code));
        Assert.Equal(expected, DimseStatus.Lookup(DimseService.Storage, code).Class);
    }

    [Fact]
    public void StatusClassTableMatchesReference()
    {
        // status-classes.tsv: "0001 or Bxxx", "FF00 and FF01", ...: every listed code or pattern maps to its class.
        foreach (var row in TestPaths.ReadTsv("status-classes.tsv").Where(r => Enum.TryParse<StatusClass>(r["class"], out _)))
        {
            var expected = Enum.Parse<StatusClass>(row["class"]);
            foreach (var token in row["codes"].Split(' ').Where(t => t.Length == 4))
            {
                var low = ushort.Parse(token.Replace('x', '0'), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                var high = ushort.Parse(token.Replace('x', 'F'), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                Assert.Equal(expected, DimseStatus.ClassOf(low));
                Assert.Equal(expected, DimseStatus.ClassOf(high));
            }
        }
    }

    [Fact]
    public void GeneralConstantsCarryTheirCodes()
    {
        Assert.Equal(0x0000, DimseStatus.Success);
        Assert.Equal(0xFE00, DimseStatus.Cancel);
        Assert.Equal(0x0122, DimseStatus.RefusedSOPClassNotSupported);
        Assert.Equal(0x0211, DimseStatus.UnrecognizedOperation);
    }
}
