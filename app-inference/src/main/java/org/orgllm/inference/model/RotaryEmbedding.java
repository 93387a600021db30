package org.orgllm.inference.model;

import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorArrayRef;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;
import org.orgllm.inference.config.ModelConfig;
import org.orgllm.inference.config.RopeScaling;

/**
 * Rotary position embedding with transformers' rope types (default, linear, dynamic, llama3).
 *
 * <p>The inverse frequencies are computed with the same float32 tensor ops as {@code
 * modeling_rope_utils.py}, so angles match HF bit for bit where it matters. Dynamic NTK recomputes
 * them from the row's sequence length (past + new tokens) whenever that exceeds {@code
 * max_position_embeddings}; as in HF, keys already in the cache keep the rotation they got.
 */
public final class RotaryEmbedding {

  private final int dim;
  private final double theta;
  private final RopeScaling scaling;
  private final int maxPositionEmbeddings;
  private final Tensor invFreq; // (dim/2) float32, for sequences within max_position_embeddings

  /** The rotary embedding of a model config (over the whole head_dim). */
  public RotaryEmbedding(ModelConfig config) {
    this.dim = config.headDim();
    this.theta = config.ropeTheta();
    this.scaling = config.ropeScaling();
    this.maxPositionEmbeddings = config.maxPositionEmbeddings();
    this.invFreq = inverseFrequencies(maxPositionEmbeddings);
  }

  private Tensor defaultInvFreq(double base) {
    // 1 / base ** (arange(0, dim, 2).float() / dim), in float32 like HF.
    Tensor exponents = torch.arange(new Scalar(0L), new Scalar((long) dim), new Scalar(2L))
        .to(ScalarType.Float).div(new Scalar((float) dim)); // (dim/2)
    return torch.pow(new Scalar(base), exponents).reciprocal(); // (dim/2)
  }

  /** Inverse frequencies for a sequence of {@code seqLen} positions. */
  private Tensor inverseFrequencies(int seqLen) {
    return switch (scaling.type()) {
      case DEFAULT -> defaultInvFreq(theta);
      case LINEAR -> defaultInvFreq(theta).div(new Scalar(scaling.factor()));
      case DYNAMIC -> {
        double factor = scaling.factor();
        int len = Math.max(seqLen, maxPositionEmbeddings);
        double base = theta * Math.pow(factor * len / maxPositionEmbeddings - (factor - 1), dim / (dim - 2.0));
        yield defaultInvFreq(base);
      }
      case LLAMA3 -> llama3(defaultInvFreq(theta));
    };
  }

  private Tensor llama3(Tensor inv) {
    double factor = scaling.factor();
    double low = scaling.lowFreqFactor();
    double high = scaling.highFreqFactor();
    double oldContext = scaling.originalMaxPositionEmbeddings();
    double lowFreqWavelen = oldContext / low;
    double highFreqWavelen = oldContext / high;
    Tensor wavelen = scalarDiv(2 * Math.PI, inv); // (dim/2)
    Tensor scaled = torch.where(torch.gt(wavelen, new Scalar(lowFreqWavelen)), inv.div(new Scalar(factor)), inv);
    Tensor smooth = scalarDiv(oldContext, wavelen).sub(new Scalar(low)).div(new Scalar(high - low)); // (dim/2)
    Tensor smoothed = smooth.neg().add(new Scalar(1.0)).mul(scaled).div(new Scalar(factor)).add(smooth.mul(scaled));
    Tensor medium = torch.logical_and(
        torch.logical_not(torch.lt(wavelen, new Scalar(highFreqWavelen))),
        torch.logical_not(torch.gt(wavelen, new Scalar(lowFreqWavelen))));
    return torch.where(medium, smoothed, scaled);
  }

  /** {@code s / t} elementwise in t's dtype, as Python's {@code float / tensor} computes it. */
  private static Tensor scalarDiv(double s, Tensor t) {
    return torch.full_like(t, new Scalar(s)).div(t);
  }

  /**
   * cos and sin for positions {@code [start, start + count)} of a sequence whose total length after
   * this step is {@code start + count}.
   *
   * @return {cos, sin}, each (count, dim) float32
   */
  public Tensor[] cosSin(int start, int count) {
    int seqLen = start + count;
    Tensor inv = scaling.type() == RopeScaling.Type.DYNAMIC && seqLen > maxPositionEmbeddings
        ? inverseFrequencies(seqLen)
        : invFreq; // (dim/2)
    Tensor positions = torch.arange(new Scalar((long) start), new Scalar((long) seqLen)).to(ScalarType.Float); // (count)
    Tensor freqs = torch.outer(positions, inv); // (count, dim/2)
    Tensor emb = torch.cat(new TensorArrayRef(new TensorVector(freqs, freqs)), 1); // (count, dim)
    return new Tensor[] {emb.cos(), emb.sin()};
  }

  /**
   * Rotates {@code x} by the given angles: {@code x * cos + rotate_half(x) * sin}.
   *
   * @param x (tokens, heads, dim)
   * @param cos (tokens, dim)
   * @param sin (tokens, dim)
   * @return (tokens, heads, dim)
   */
  public static Tensor apply(Tensor x, Tensor cos, Tensor sin) {
    Tensor[] prepared = prepare(cos, sin); // (tokens, 1, dim) x2
    return applyPrepared(x, prepared[0], prepared[1]);
  }

  /**
   * The angles in the form {@link #applyPrepared} takes, computed once per forward pass rather than
   * per layer: a head axis on both, and the sign of {@code rotate_half} folded into the first half of
   * sin.
   *
   * @param cos (tokens, dim)
   * @param sin (tokens, dim)
   * @return cos and signed sin, (tokens, 1, dim) each
   */
  public static Tensor[] prepare(Tensor cos, Tensor sin) {
    long half = sin.size(1) / 2;
    Tensor signed = torch.cat(new TensorArrayRef(new TensorVector(sin.narrow(1, 0, half).neg(),
        sin.narrow(1, half, half))), 1); // (tokens, dim)
    return new Tensor[] {cos.unsqueeze(1), signed.unsqueeze(1)};
  }

  /**
   * {@code x * cos + rotate_half(x) * sin} in four calls: {@code rotate_half(x) = cat(-x2, x1)}, and
   * {@code cat(x2, x1)} is {@code x} rolled by half the head dimension; the minus sits in the signed
   * sin ({@code (-a) * b == a * (-b)} exactly), so the result equals HF's bit for bit.
   *
   * @param x (tokens, heads, dim)
   * @param cos (tokens, 1, dim)
   * @param signedSin (tokens, 1, dim) from {@link #prepare}
   * @return (tokens, heads, dim)
   */
  public static Tensor applyPrepared(Tensor x, Tensor cos, Tensor signedSin) {
    Tensor rolled = x.roll(new long[] {x.size(2) / 2}, 2); // (tokens, heads, dim): cat(x2, x1)
    return x.mul(cos).add_(rolled.mul_(signedSin));
  }
}
