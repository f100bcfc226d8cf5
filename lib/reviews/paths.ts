/** A review link's page: /r/<token>, the token being 128 random bits. */
export const reviewPath = (token: string) => `/r/${token}`;
export const reviewMediaPath = (token: string, jobId: string, kind: "video.mp4" | "poster.jpg") => `/r/${token}/takes/${jobId}/${kind}`;
export const reviewFilmPath = (token: string, filmId: string, kind: "video.mp4" | "poster.jpg") => `/r/${token}/films/${filmId}/${kind}`;
