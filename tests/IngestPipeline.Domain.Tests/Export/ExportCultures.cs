using System.Globalization;

namespace IngestPipeline.Domain.Tests.Export;

internal static class ExportCultures
{
    /// <summary>
    /// A culture that writes numbers unlike the invariant one (decimal comma, odd minus sign). Built from the invariant
    /// culture, because the repository runs with InvariantGlobalization and named cultures are not available.
    /// </summary>
    public static string WithOddCulture(Func<string> write)
    {
        var odd = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        odd.NumberFormat.NumberDecimalSeparator = ",";
        odd.NumberFormat.NumberGroupSeparator = ".";
        odd.NumberFormat.NegativeSign = "~";
        var saved = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = odd;
            CultureInfo.CurrentUICulture = odd;
            return write();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = saved;
        }
    }
}
