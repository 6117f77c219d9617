declare module 'opencc-js/dict/TSCharacters' {
  const dict: string;
  export default dict;
}
declare module 'opencc-js/dict/STCharacters' {
  const dict: string;
  export default dict;
}
declare module 'opencc-js/dict/TWPhrasesRev' {
  const dict: string;
  export default dict;
}
declare module 'opencc-js/dict/HKPhrasesRev' {
  const dict: string;
  export default dict;
}
