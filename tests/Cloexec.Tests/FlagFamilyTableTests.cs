using System;
using System.Linq;
using System.Reflection;
using Cloexec.Interop;
using Cloexec.Platform;
using Xunit;

namespace Cloexec.Tests;

/// <summary>
/// Each flag family is one row of FlagFamilyTable, and every place that reads a family reads that row: a family left
/// out of one of them (docs/adding-a-flag-family.md lists them) fails here, or in the generator's FlagFamilyReadersTests.
/// The numbers themselves are checked against independent sources in Oracles/.
/// </summary>
public sealed class FlagFamilyTableTests
{
    // CloexecFlagValues' properties that are not a family's flag: numbers generated code passes to a sibling call.
    private static readonly string[] s_notFamilies =
        [nameof(CloexecFlagValues.DupFdCloexecCommand), nameof(CloexecFlagValues.CreatFlags), nameof(CloexecFlagValues.GetptFlags)];

    [Fact]
    public void Every_family_has_one_row_in_enum_order()
    {
        CloexecFlag[] families = Enum.GetValues<CloexecFlag>();

        Assert.Equal(families.Length, FlagFamilyTable.Count);
        Assert.All(families, family => Assert.True(FlagFamilyTable.IsInOrder(family), $"{family}: no row at its index"));
    }

    [Fact]
    public void Every_family_but_None_has_a_C_name_and_its_own_way()
    {
        FlagFamily[] named = FlagFamilyTable.All.Where(row => row.Family != CloexecFlag.None).ToArray();

        Assert.All(named, row => Assert.NotEmpty(row.CNames));
        Assert.All(named, row => Assert.NotEqual(AtomicWay.None, row.Way.Way));
        Assert.Equal(named.Length, named.Select(row => row.Way.Way).Distinct().Count());
    }

    [Fact]
    public void Every_family_with_a_flag_has_its_CloexecFlagValues_property_and_every_property_its_family()
    {
        string[] withFlag = FlagFamilyTable.All.Where(HasFlag).Select(row => row.ValueProperty).Order().ToArray();
        string[] properties = typeof(CloexecFlagValues).GetProperties(BindingFlags.Public | BindingFlags.Static)
            .Where(p => p.PropertyType == typeof(int)).Select(p => p.Name).Except(s_notFamilies).Order().ToArray();

        Assert.Equal(withFlag, properties);
    }

    [Fact]
    public void Each_family_property_is_the_family_value_here()
    {
        foreach (FlagFamily row in FlagFamilyTable.All.Where(HasFlag))
        {
            PropertyInfo? named = typeof(CloexecFlagValues).GetProperty(row.ValueProperty);
            Assert.True(named is not null, $"CloexecFlagValues has no {row.ValueProperty}");
            int property = (int)named.GetValue(null)!;
            int expected = FlagFamilyTable.ValueOn(row.Family, PlatformValues.Current, OperatingSystem.IsWindows());

            Assert.True(expected == property, $"{row.ValueProperty}: {property}, the row says {expected}");
            Assert.Equal(expected, CloexecFlagValues.Of(row.Family));
        }
    }

    [Fact]
    public void Every_family_with_a_Unix_flag_has_a_value_on_some_platform_row()
    {
        // A row whose PlatformValues property was added but given no number anywhere.
        string[] withoutValue = FlagFamilyTable.All.Where(row => row.UnixValue is not null)
            .Where(row => PlatformValues.All.All(values => row.UnixValue!(values) == 0))
            .Select(row => row.Family.ToString()).ToArray();

        Assert.Empty(withoutValue);
    }

    private static bool HasFlag(FlagFamily row) => row.UnixValue is not null || row.WindowsValue != 0;
}
