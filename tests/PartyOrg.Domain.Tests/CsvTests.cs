using PartyOrg.Domain.Reference;

namespace PartyOrg.Domain.Tests;

public class CsvTests
{
    [Fact]
    public void Csv_QuotedFieldsSpanLines_DoubledQuotesAreQuotes_AndAStrayQuoteIsJustACharacter()
    {
        var rows = Csv.Parse("a,\"b,\nc\",\"say \"\"hi\"\"\"\nThợ \"cả,x\nThợ\" phụ,y\n");
        Assert.Equal(3, rows.Count);
        Assert.Equal(["a", "b,\nc", "say \"hi\""], rows[0]);
        Assert.Equal(["Thợ \"cả", "x"], rows[1]);
        Assert.Equal(["Thợ\" phụ", "y"], rows[2]);
    }

    [Fact]
    public void Csv_EndsRecordsAtLfCrlfOrALoneCr()
    {
        Assert.Equal([["a", "b"], ["c", "d"], ["e", "f"], ["g"]], Csv.Parse("a,b\r\nc,d\re,f\ng"));
    }
}
