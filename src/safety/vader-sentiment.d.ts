// vader-sentiment ships no types; only what the engine calls is declared.
declare module 'vader-sentiment' {
  interface PolarityScores {
    neg: number;
    neu: number;
    pos: number;
    compound: number;
  }
  /** What the analyzer's helpers read of a tokenised text (the library's SentiText). */
  export interface SentiText {
    text: string;
    words_and_emoticons: string[];
    is_cap_diff: boolean;
  }
  const vader: {
    SentimentIntensityAnalyzer: {
      polarity_scores(text: string): PolarityScores;
      sentiment_valence(valence: number, sentiText: SentiText, item: string, index: number, sentiments: number[]): number[];
      but_check(wordsAndEmoticons: string[], sentiments: number[]): number[];
      never_check(valence: number, wordsAndEmoticons: string[], startI: number, index: number): number;
      idioms_check(valence: number, wordsAndEmoticons: string[], index: number): number;
      least_check(valence: number, wordsAndEmoticons: string[], index: number): number;
      score_valence(sentiments: number[], text: string): PolarityScores;
    };
  };
  export default vader;
}
