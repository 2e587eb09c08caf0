// Throw-away loop (2026-12-04): packing W2's W1ᵀ (784 x 256) into 32-column panels three ways.
//   javac --add-modules jdk.incubator.vector -d . PackBench.java
//   java --add-modules jdk.incubator.vector -cp . PackBench   (v0 gather, v1-v4 blocked scalar, v5 in-register transposes)
import jdk.incubator.vector.*;
public class PackBench {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int L = S.length(), NRW = 2*L;
    static void gather(int n, int k, float[] b, int ldb, float[] bp, int[] map) {
        for (int jp = 0; jp < n/NRW; jp++) {
            int base = jp*k*NRW, src0 = jp*NRW*ldb;
            for (int p = 0; p < k; p++) {
                int dst = base + p*NRW;
                FloatVector.fromArray(S, b, src0 + p, map, 0).intoArray(bp, dst);
                FloatVector.fromArray(S, b, src0 + p, map, L).intoArray(bp, dst + L);
            }
        }
    }
    static void blocked(int n, int k, float[] b, int ldb, float[] bp, int pb) {
        for (int jp = 0; jp < n/NRW; jp++) {
            int base = jp*k*NRW, src0 = jp*NRW*ldb;
            for (int p0 = 0; p0 < k; p0 += pb) {
                int pe = Math.min(k, p0+pb);
                for (int j = 0; j < NRW; j++) {
                    int src = src0 + j*ldb;
                    for (int p = p0; p < pe; p++) bp[base + p*NRW + j] = b[src + p];
                }
            }
        }
    }
    static void blocked4(int n, int k, float[] b, int ldb, float[] bp, int pb) {
        for (int jp = 0; jp < n/NRW; jp++) {
            int base = jp*k*NRW, src0 = jp*NRW*ldb;
            for (int p0 = 0; p0 < k; p0 += pb) {
                int pe = Math.min(k, p0+pb);
                for (int j = 0; j < NRW; j+=4) {
                    int s0 = src0 + j*ldb, s1=s0+ldb, s2=s1+ldb, s3=s2+ldb;
                    for (int p = p0; p < pe; p++) {
                        int d = base + p*NRW + j;
                        bp[d] = b[s0 + p]; bp[d+1] = b[s1+p]; bp[d+2]=b[s2+p]; bp[d+3]=b[s3+p];
                    }
                }
            }
        }
    }

    static final VectorShuffle<Float>[] UP = new VectorShuffle[4], DOWN = new VectorShuffle[4];
    static final VectorMask<Float>[] HI = new VectorMask[4], LO = new VectorMask[4];
    static {
        for (int t = 0; t < 4; t++) {
            int s = 1 << t; int[] up = new int[L], down = new int[L]; boolean[] hi = new boolean[L], lo=new boolean[L];
            for (int l = 0; l < L; l++) { up[l] = (l & s) != 0 ? l - s : l; down[l] = (l & s) == 0 ? l + s : l; hi[l] = (l & s) != 0; lo[l]=!hi[l]; }
            UP[t] = VectorShuffle.fromArray(S, up, 0); DOWN[t] = VectorShuffle.fromArray(S, down, 0);
            HI[t] = VectorMask.fromArray(S, hi, 0); LO[t] = VectorMask.fromArray(S, lo, 0);
        }
    }
    /** 16 rows of b (j0..j0+15) × 16 columns p0.. into bp panel rows p0.. at column offset jo. */
    static void tile16(float[] b, int src, int ldb, float[] bp, int dst) {
        FloatVector r0=FloatVector.fromArray(S,b,src), r1=FloatVector.fromArray(S,b,src+ldb), r2=FloatVector.fromArray(S,b,src+2*ldb), r3=FloatVector.fromArray(S,b,src+3*ldb),
        r4=FloatVector.fromArray(S,b,src+4*ldb), r5=FloatVector.fromArray(S,b,src+5*ldb), r6=FloatVector.fromArray(S,b,src+6*ldb), r7=FloatVector.fromArray(S,b,src+7*ldb),
        r8=FloatVector.fromArray(S,b,src+8*ldb), r9=FloatVector.fromArray(S,b,src+9*ldb), r10=FloatVector.fromArray(S,b,src+10*ldb), r11=FloatVector.fromArray(S,b,src+11*ldb),
        r12=FloatVector.fromArray(S,b,src+12*ldb), r13=FloatVector.fromArray(S,b,src+13*ldb), r14=FloatVector.fromArray(S,b,src+14*ldb), r15=FloatVector.fromArray(S,b,src+15*ldb);
        FloatVector t0,t1;
        // stage s=8 (t=3): pairs (i, i+8)
        VectorShuffle<Float> u=UP[3], d=DOWN[3]; VectorMask<Float> h=HI[3], lo=LO[3];
        t0=r0.blend(r8.rearrange(u),h); t1=r8.blend(r0.rearrange(d),lo); r0=t0; r8=t1;
        t0=r1.blend(r9.rearrange(u),h); t1=r9.blend(r1.rearrange(d),lo); r1=t0; r9=t1;
        t0=r2.blend(r10.rearrange(u),h); t1=r10.blend(r2.rearrange(d),lo); r2=t0; r10=t1;
        t0=r3.blend(r11.rearrange(u),h); t1=r11.blend(r3.rearrange(d),lo); r3=t0; r11=t1;
        t0=r4.blend(r12.rearrange(u),h); t1=r12.blend(r4.rearrange(d),lo); r4=t0; r12=t1;
        t0=r5.blend(r13.rearrange(u),h); t1=r13.blend(r5.rearrange(d),lo); r5=t0; r13=t1;
        t0=r6.blend(r14.rearrange(u),h); t1=r14.blend(r6.rearrange(d),lo); r6=t0; r14=t1;
        t0=r7.blend(r15.rearrange(u),h); t1=r15.blend(r7.rearrange(d),lo); r7=t0; r15=t1;
        u=UP[2]; d=DOWN[2]; h=HI[2]; lo=LO[2];
        t0=r0.blend(r4.rearrange(u),h); t1=r4.blend(r0.rearrange(d),lo); r0=t0; r4=t1;
        t0=r1.blend(r5.rearrange(u),h); t1=r5.blend(r1.rearrange(d),lo); r1=t0; r5=t1;
        t0=r2.blend(r6.rearrange(u),h); t1=r6.blend(r2.rearrange(d),lo); r2=t0; r6=t1;
        t0=r3.blend(r7.rearrange(u),h); t1=r7.blend(r3.rearrange(d),lo); r3=t0; r7=t1;
        t0=r8.blend(r12.rearrange(u),h); t1=r12.blend(r8.rearrange(d),lo); r8=t0; r12=t1;
        t0=r9.blend(r13.rearrange(u),h); t1=r13.blend(r9.rearrange(d),lo); r9=t0; r13=t1;
        t0=r10.blend(r14.rearrange(u),h); t1=r14.blend(r10.rearrange(d),lo); r10=t0; r14=t1;
        t0=r11.blend(r15.rearrange(u),h); t1=r15.blend(r11.rearrange(d),lo); r11=t0; r15=t1;
        u=UP[1]; d=DOWN[1]; h=HI[1]; lo=LO[1];
        t0=r0.blend(r2.rearrange(u),h); t1=r2.blend(r0.rearrange(d),lo); r0=t0; r2=t1;
        t0=r1.blend(r3.rearrange(u),h); t1=r3.blend(r1.rearrange(d),lo); r1=t0; r3=t1;
        t0=r4.blend(r6.rearrange(u),h); t1=r6.blend(r4.rearrange(d),lo); r4=t0; r6=t1;
        t0=r5.blend(r7.rearrange(u),h); t1=r7.blend(r5.rearrange(d),lo); r5=t0; r7=t1;
        t0=r8.blend(r10.rearrange(u),h); t1=r10.blend(r8.rearrange(d),lo); r8=t0; r10=t1;
        t0=r9.blend(r11.rearrange(u),h); t1=r11.blend(r9.rearrange(d),lo); r9=t0; r11=t1;
        t0=r12.blend(r14.rearrange(u),h); t1=r14.blend(r12.rearrange(d),lo); r12=t0; r14=t1;
        t0=r13.blend(r15.rearrange(u),h); t1=r15.blend(r13.rearrange(d),lo); r13=t0; r15=t1;
        u=UP[0]; d=DOWN[0]; h=HI[0]; lo=LO[0];
        t0=r0.blend(r1.rearrange(u),h); t1=r1.blend(r0.rearrange(d),lo); r0=t0; r1=t1;
        t0=r2.blend(r3.rearrange(u),h); t1=r3.blend(r2.rearrange(d),lo); r2=t0; r3=t1;
        t0=r4.blend(r5.rearrange(u),h); t1=r5.blend(r4.rearrange(d),lo); r4=t0; r5=t1;
        t0=r6.blend(r7.rearrange(u),h); t1=r7.blend(r6.rearrange(d),lo); r6=t0; r7=t1;
        t0=r8.blend(r9.rearrange(u),h); t1=r9.blend(r8.rearrange(d),lo); r8=t0; r9=t1;
        t0=r10.blend(r11.rearrange(u),h); t1=r11.blend(r10.rearrange(d),lo); r10=t0; r11=t1;
        t0=r12.blend(r13.rearrange(u),h); t1=r13.blend(r12.rearrange(d),lo); r12=t0; r13=t1;
        t0=r14.blend(r15.rearrange(u),h); t1=r15.blend(r14.rearrange(d),lo); r14=t0; r15=t1;
        r0.intoArray(bp,dst); r1.intoArray(bp,dst+NRW); r2.intoArray(bp,dst+2*NRW); r3.intoArray(bp,dst+3*NRW);
        r4.intoArray(bp,dst+4*NRW); r5.intoArray(bp,dst+5*NRW); r6.intoArray(bp,dst+6*NRW); r7.intoArray(bp,dst+7*NRW);
        r8.intoArray(bp,dst+8*NRW); r9.intoArray(bp,dst+9*NRW); r10.intoArray(bp,dst+10*NRW); r11.intoArray(bp,dst+11*NRW);
        r12.intoArray(bp,dst+12*NRW); r13.intoArray(bp,dst+13*NRW); r14.intoArray(bp,dst+14*NRW); r15.intoArray(bp,dst+15*NRW);
    }
    static void transp(int n, int k, float[] b, int ldb, float[] bp) {
        for (int jp = 0; jp < n/NRW; jp++) {
            int base = jp*k*NRW, src0 = jp*NRW*ldb;
            for (int p = 0; p + L <= k; p += L) {
                tile16(b, src0 + p, ldb, bp, base + p*NRW);
                tile16(b, src0 + L*ldb + p, ldb, bp, base + p*NRW + L);
            }
        }
    }
    public static void main(String[] a) {
        int n=256,k=784; float[] b=new float[n*k]; for(int i=0;i<b.length;i++) b[i]=i; float[] bp=new float[n*k], ref=new float[n*k];
        int[] map=new int[NRW]; for(int j=0;j<NRW;j++) map[j]=j*k;
        gather(n,k,b,k,ref,map);
        for (int round=0; round<8; round++) {
            for (int v=0; v<6; v++) {
                long best=Long.MAX_VALUE;
                for (int rep=0; rep<400; rep++) {
                    long t=System.nanoTime();
                    switch(v){case 0->gather(n,k,b,k,bp,map); case 1->blocked(n,k,b,k,bp,64); case 2->blocked(n,k,b,k,bp,16); case 3->blocked4(n,k,b,k,bp,64); case 4->blocked4(n,k,b,k,bp,16); default->transp(n,k,b,k,bp);}
                    best=Math.min(best,System.nanoTime()-t);
                }
                if (!java.util.Arrays.equals(bp,ref)) throw new AssertionError("v"+v);
                if (round>=6) System.out.printf("v%d %.1f us%n", v, best/1e3);
            }
        }
    }
}
