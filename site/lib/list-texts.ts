/**
 * What each list is, in the words of the source documents (seeds 000, 002, 003): shown on the
 * home page and at the top of each list.
 */
import { MAX_PUBLICATION_YEARS, type ListId } from '../../content/schema/index.ts';

export const LIST_INTROS: Record<ListId, string> = {
  red: '劳动关系和谐、守法诚信的用人单位：在劳动关系信用评价中达到 3A 以上，经部门或工会确认推荐，或受到市级以上劳动关系相关表彰。',
  black: `违反劳动保障法律法规、侵害职工合法权益情节严重的用人单位和个人，如拖欠工资、不依法建立工会、侵害女职工特殊权益、发生重大劳动案例事故。公示期一般不超过 ${MAX_PUBLICATION_YEARS} 年，整改后可申请信用修复。`,
  demo: '达到和谐劳动关系创建标准、经评估命名的企业、工业园区、乡镇（街道）和行业。发生重大违法行为的，取消命名并予以公布。',
};
