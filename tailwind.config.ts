import type { Config } from "tailwindcss";

export default {
  content: ["./app/**/*.{ts,tsx}"],
  theme: {
    extend: {
      colors: {
        // Rating colours chosen for contrast on white and for colour-blind
        // readers; the number and label always accompany the colour.
        rating: {
          1: "#b91c1c",
          2: "#c2410c",
          3: "#15803d",
          4: "#166534",
        },
      },
    },
  },
  plugins: [],
} satisfies Config;
