using Akka.Actor;
using Akka.Configuration;
using ContinuousOperation.Actors.Wire;

namespace ContinuousOperation.Actors.Tests.Wire;

/// <summary>Every registered message sent to an actor of another actor system over Akka.Remote on 127.0.0.1, and
/// echoed back: the path a message between two nodes takes, remoting envelope, manifest and sender included.</summary>
public sealed class WireOverRemotingTests() : Akka.TestKit.Xunit2.TestKit(Node)
{
    private static readonly Config Node = ConfigurationFactory.ParseString($"""
        akka.actor.provider = remote
        akka.remote.dot-netty.tcp {"{"} hostname = 127.0.0.1, port = 0 {"}"}
        akka.loglevel = WARNING
        {WireBindings.Hocon}
        """);

    [Fact]
    public async Task Every_registered_message_crosses_to_another_node_and_back_unchanged()
    {
        var other = ActorSystem.Create(Sys.Name, Node);
        try
        {
            other.ActorOf(Props.Create(() => new EchoBack()), "echo");
            var echo = await Sys.ActorSelection(new RootActorPath(((ExtendedActorSystem)other).Provider.DefaultAddress) / "user" / "echo")
                .ResolveOne(TimeSpan.FromSeconds(10));
            var samples = new SampleValues(TestActor);

            var differences = new List<string>();
            foreach (var entry in WireRegistry.Entries)
            {
                var message = samples.Of(entry.Type);
                echo.Tell(message, TestActor);
                var back = ExpectMsg<object>(TimeSpan.FromSeconds(10));
                var difference = back.GetType() == entry.Type
                    ? StructuralEquality.FirstDifference(message, back)
                    : $"came back as {back.GetType().Name}";
                if (difference is not null) differences.Add($"{entry.Manifest}: {difference}");
            }

            Assert.True(differences.Count == 0, string.Join("; ", differences));
        }
        finally
        {
            await other.Terminate();
        }
    }

    private sealed class EchoBack : ReceiveActor
    {
        public EchoBack() => ReceiveAny(message => Sender.Tell(message));
    }
}
