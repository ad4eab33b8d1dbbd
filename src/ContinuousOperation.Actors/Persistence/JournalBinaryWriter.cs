using System.Buffers;
using System.Text;
using ContinuousOperation.Domain.Primitives;

namespace ContinuousOperation.Actors.Persistence;

/// <summary>
/// The primitives of the binary journal format: unsigned LEB128 varints, zigzag for signed numbers, UTF-8 strings
/// prefixed by their byte count, decimals as one byte of sign and scale plus the 96-bit mantissa as a varint (exact,
/// scale included: 1.50 stays 1.50), and accounts as a one-byte code for the well-known ones. One writer per thread,
/// reused: a write allocates only the finished array.
/// </summary>
internal sealed class JournalBinaryWriter
{
    /// <summary>Account codes; <see cref="OtherAccount"/> is followed by the account's name.</summary>
    public const byte LiquidityProvider = 0, NoiseTaker = 1, TraderOfSymbol = 2, OtherAccount = 3;

    [ThreadStatic] private static JournalBinaryWriter? _forThisThread;

    private readonly ArrayBufferWriter<byte> _buffer = new(1024);

    public static JournalBinaryWriter ForThisThread()
    {
        var writer = _forThisThread ??= new JournalBinaryWriter();
        writer._buffer.ResetWrittenCount();
        return writer;
    }

    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();

    public void Byte(byte value)
    {
        _buffer.GetSpan(1)[0] = value;
        _buffer.Advance(1);
    }

    public void Bool(bool value) => Byte(value ? (byte)1 : (byte)0);

    public void VarUInt(UInt128 value)
    {
        var span = _buffer.GetSpan(19); // 128 bits in 7-bit groups
        var length = 0;
        while (value >= 0x80)
        {
            span[length++] = (byte)((byte)value | 0x80);
            value >>= 7;
        }

        span[length++] = (byte)value;
        _buffer.Advance(length);
    }

    public void Long(long value) => VarUInt((ulong)((value << 1) ^ (value >> 63)));

    public void Count(int value) => VarUInt((uint)value);

    public void Time(TimeSpan value) => Long(value.Ticks);

    public void String(string value)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        Count(length);
        Encoding.UTF8.GetBytes(value, _buffer.GetSpan(length));
        _buffer.Advance(length);
    }

    public void Decimal(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        System.Decimal.GetBits(value, bits);
        var scale = (byte)((bits[3] >> 16) & 0xFF);
        Byte(bits[3] < 0 ? (byte)(scale | 0x80) : scale);
        VarUInt(((UInt128)(uint)bits[2] << 64) | ((ulong)(uint)bits[1] << 32) | (uint)bits[0]);
    }

    public void NullableDecimal(decimal? value)
    {
        Bool(value.HasValue);
        if (value is { } present) Decimal(present);
    }

    /// <param name="symbol">The symbol of the event: its paper trader's account is written as a code too.</param>
    public void Account(AccountId account, Symbol symbol)
    {
        if (account == AccountId.LiquidityProvider) Byte(LiquidityProvider);
        else if (account == AccountId.NoiseTaker) Byte(NoiseTaker);
        else if (account == AccountId.TraderFor(symbol)) Byte(TraderOfSymbol);
        else
        {
            Byte(OtherAccount);
            String(account.Value);
        }
    }
}
