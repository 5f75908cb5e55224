using System.Text;
using WijPlatform.ServiceDefaults.Http;

namespace WijPlatform.UnitTests.Http;

public sealed class InputTextTests
{
    private static Dictionary<string, string[]> Scan(string json) => InputText.ScanJson(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Line_breaks_and_tabs_may_stand_in_a_body_text_and_other_control_characters_are_named_by_their_field()
    {
        Assert.Empty(Scan("""{"note":"Eerste regel\r\nTweede\tregel","name":"Chloë Ørsted – Жанна"}"""));
        var errors = Scan("""{"name":"a\u0000b","stops":[{"street":"ok"},{"street":"x\u001b[31m"}],"tags":["ok","\u0085"],"nested":{"deeper":{"text":"\u007f"}}}""");
        Assert.Equal(["name", "nested.deeper.text", "stops[1].street", "tags[1]"], errors.Keys.Order());
    }

    [Fact]
    public void A_query_value_may_hold_no_control_character_at_all()
    {
        Assert.True(InputText.IsAllowed("Groningen Centrum", lineBreaks: false));
        Assert.False(InputText.IsAllowed("Groningen\nCentrum", lineBreaks: false));
        Assert.False(InputText.IsAllowed("sport\0", lineBreaks: false));
    }

    [Fact]
    public void A_property_name_with_a_control_character_a_lone_surrogate_and_a_top_level_list_are_named_too()
    {
        Assert.Equal(["a?b"], Scan("""{"a\u0000b":1}""").Keys);
        Assert.Equal(["text"], Scan("""{"text":"\ud800"}""").Keys);
        Assert.Equal(["[1]"], Scan("""["ok","\u0000"]""").Keys);
        Assert.Empty(Scan("not json \u0000"));
    }

    [Fact]
    public void Every_item_of_a_list_is_held_to_its_length()
    {
        var attribute = new ItemLengthAttribute(5);
        Assert.True(attribute.IsValid(new[] { "maand", "di" }));
        Assert.True(attribute.IsValid(null));
        Assert.False(attribute.IsValid(new[] { "maandag" }));
    }
}
