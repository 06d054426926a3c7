import type { ImageLoaderProps } from 'next/image';
import { sizedPhotoSrc } from './photo-sizes';

/** next/image's loader (next.config.ts `images.loaderFile`): the resized copy made at start-up. */
export default function photoLoader({ src, width }: ImageLoaderProps): string {
  return sizedPhotoSrc(src, width);
}
