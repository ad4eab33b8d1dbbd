using System.Runtime.Serialization;
using System.Text;
using Akka.Actor;
using Akka.Serialization;
using ContinuousOperation.Actors.Exchange;
using ContinuousOperation.Actors.Wire;
using ContinuousOperation.Domain.Exchange;
using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Actors.Tests.Wire;

/// <summary>Every registered message through the serializer Akka picks for it in a system configured with
/// <see cref="WireBindings.Hocon"/>: what a message sent to another node goes through.</summary>
public sealed class WireSerializerTests() : Akka.TestKit.Xunit2.TestKit(WireBindings.Hocon)
{
    public static TheoryData<string> Manifests => new(WireRegistry.Entries.Select(e => e.Manifest));

    [Theory]
    [MemberData(nameof(Manifests))]
    public void A_registered_message_reads_back_equal_field_by_field(string manifest)
    {
        Assert.True(WireRegistry.TryGetType(manifest, out var type));
        var message = new SampleValues(TestActor).Of(type);

        var read = RoundTrip(message);

        Assert.IsType(type, read);
        Assert.Null(StructuralEquality.FirstDifference(message, read));
    }

    [Fact]
    public void Akka_picks_the_wire_serializer_for_every_registered_type()
    {
        var elsewhere = WireRegistry.Types
            .Where(t => Sys.Serialization.FindSerializerForType(t) is not WireSerializer)
            .Select(t => $"{t.Name} -> {Sys.Serialization.FindSerializerForType(t).GetType().Name}")
            .ToList();

        Assert.True(elsewhere.Count == 0, string.Join(", ", elsewhere));
    }

    [Fact]
    public void Manifests_are_unique_short_names_with_a_version()
    {
        Assert.Equal(WireRegistry.Entries.Count, WireRegistry.Entries.Select(e => e.Manifest).Distinct().Count());
        Assert.Equal(WireRegistry.Entries.Count, WireRegistry.Types.Distinct().Count());
        Assert.All(WireRegistry.Entries, e => Assert.Matches("^[a-z][a-z-]{1,30}/v[0-9]+$", e.Manifest));
    }

    [Fact]
    public void An_unknown_manifest_fails_naming_it()
    {
        var serializer = (SerializerWithStringManifest)Sys.Serialization.FindSerializerForType(typeof(PlaceOrder));

        var error = Assert.Throws<SerializationException>(() => serializer.FromBinary(Encoding.UTF8.GetBytes("{}"), "place-order/v99"));

        Assert.Contains("'place-order/v99'", error.Message);
    }

    [Fact]
    public void A_type_without_an_entry_is_refused_naming_it()
    {
        var serializer = (SerializerWithStringManifest)Sys.Serialization.FindSerializerForType(typeof(PlaceOrder));

        var error = Assert.Throws<SerializationException>(() => serializer.Manifest(new Unregistered(1)));

        Assert.Contains(nameof(Unregistered), error.Message);
    }

    [Fact]
    public void Decimals_keep_their_scale_and_times_their_ticks_and_offset()
    {
        var fill = new AccountFill(new Symbol("BTC-USDT"), new AccountId("trader-BTC-USDT"), new FillId("BTC-USDT-7-B"),
            new ClientOrderId("o-1"), Side.Buy, 100.50m, 0.0100m, 0.000000000000000000000000001m, IsMaker: true, 9,
            TimeSpan.FromTicks(1));
        var message = new AccountFillReport(fill);

        var read = (AccountFillReport)RoundTrip(message);

        Assert.Equal(("100.50", "0.0100", "0.000000000000000000000000001"),
            (read.Fill.Price.ToString(), read.Fill.Quantity.ToString(), read.Fill.Fee.ToString()));
        Assert.Equal(TimeSpan.FromTicks(1), read.Fill.SimTime);
        Assert.Null(StructuralEquality.FirstDifference(message, read));
    }

    [Fact]
    public void A_message_wrapped_in_an_object_field_reads_back_as_itself()
    {
        var inner = new CancelOrder(new Symbol("ETH-USDT"), new AccountId("trader-ETH-USDT"), new ClientOrderId("o-9"));
        var options = JsonOptions();

        var read = System.Text.Json.JsonSerializer.Deserialize<Envelope>(
            System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new Envelope(inner), options), options)!;

        Assert.Equal(inner, read.Message);
    }

    [Fact]
    public void A_wrapped_message_without_an_entry_is_refused_naming_it()
    {
        var error = Assert.Throws<SerializationException>(() =>
            System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new Envelope(new Unregistered(2)), JsonOptions()));

        Assert.Contains(nameof(Unregistered), error.Message);
    }

    [Fact]
    public void An_actor_reference_reads_back_as_the_same_actor()
    {
        var probe = CreateTestProbe();
        var options = JsonOptions();

        var read = System.Text.Json.JsonSerializer.Deserialize<Addressed>(
            System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new Addressed(probe.Ref), options), options)!;

        read.ReplyTo.Tell("hello");
        probe.ExpectMsg("hello");
    }

    private object RoundTrip(object message)
    {
        var serializer = (SerializerWithStringManifest)Sys.Serialization.FindSerializerForType(message.GetType());
        return serializer.FromBinary(serializer.ToBinary(message), serializer.Manifest(message));
    }

    private System.Text.Json.JsonSerializerOptions JsonOptions() => WireJson.For((ExtendedActorSystem)Sys);

    private sealed record Unregistered(int Value);

    /// <summary>The shape of an envelope routed by symbol (the message it carries has no symbol of its own).</summary>
    private sealed record Envelope(object Message);

    private sealed record Addressed(IActorRef ReplyTo);
}
