/** The names of the copy that opens from disk: its folder, and the zip offered on /offline/ beside the hosted build. */
export const COPY_NAME = 'public-systems-field-guide';
export const ZIP_NAME = `${COPY_NAME}-offline.zip`;
